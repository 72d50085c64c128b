package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.MessageValues;
import java.util.List;

/**
 * Reports serverless.yml settings that the framework copies into integer CloudFormation
 * properties but whose value is not a whole number, such as {@code timeout: 1e400}. The finding
 * names the setting as written and points at its key, once, even when several functions
 * inherit a provider setting.
 */
final class NumberSettings {

    private static final List<String> PROVIDER = List.of("timeout", "memorySize",
            "logRetentionInDays");
    private static final List<String> FUNCTION = List.of("timeout", "memorySize",
            "reservedConcurrency", "logRetentionInDays");
    private static final List<String> QUEUE_EVENT = List.of("batchSize",
            "maximumBatchingWindow");

    private NumberSettings() {
    }

    static void check(MapNode resolved, ServerlessProblems problems) {
        MapNode provider = resolved.getMap("provider");
        check(provider, PROVIDER, "provider.", problems);
        MapNode functions = resolved.getMap("functions");
        for (MapNode.Entry function : functions == null ? List.<MapNode.Entry>of()
                : functions.entries()) {
            MapNode settings = function.value().asMap();
            String prefix = "functions." + function.key() + ".";
            check(settings, FUNCTION, prefix, problems);
            Node events = settings == null ? null : settings.get("events");
            int index = 0;
            for (Node event : ServiceModel.items(events)) {
                MapNode sqs = event.asMap() == null ? null : event.asMap().getMap("sqs");
                check(sqs, QUEUE_EVENT, prefix + "events." + index + ".sqs.", problems);
                index++;
            }
        }
    }

    private static void check(MapNode map, List<String> keys, String prefix,
            ServerlessProblems problems) {
        if (map == null) {
            return;
        }
        for (String key : keys) {
            MapNode.Entry entry = map.entry(key);
            if (entry == null || isWholeNumber(entry.value())) {
                continue;
            }
            problems.add(EngineChecks.INVALID_NUMBER, entry.keySpan(), "Setting '" + prefix + key
                    + "' is " + MessageValues.notWholeNumber(entry.value().text()) + ". The"
                    + " framework writes it into the CloudFormation template, which rejects it,"
                    + " and rules may skip it. Write a whole number such as 30.");
        }
    }

    /**
     * Returns whether {@code value} is a whole number, or a value that is not a scalar, such as an
     * intrinsic function or a variable slens could not resolve.
     */
    private static boolean isWholeNumber(Node value) {
        if (!(value instanceof ScalarNode scalar) || scalar.kind() == ScalarNode.Kind.NULL) {
            return true;
        }
        String text = scalar.value();
        return text != null && text.strip().matches("-?\\d{1,18}");
    }
}
