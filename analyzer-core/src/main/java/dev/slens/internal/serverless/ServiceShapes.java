package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.rule.EngineChecks;

/**
 * Reports sections of a resolved service whose shape the framework's configuration schema does
 * not allow: {@code functions} and each function must be mappings and {@code events} a list.
 * The expander skips such parts, so without this report they would be ignored without a word.
 */
final class ServiceShapes {

    private ServiceShapes() {
    }

    static void check(MapNode resolved, ServerlessProblems problems) {
        MapNode.Entry functions = resolved.entry("functions");
        if (functions == null || ServiceModel.isNull(functions.value())) {
            return;
        }
        MapNode map = functions.value().asMap();
        if (map == null) {
            problems.add(EngineChecks.SLS_SHAPE, functions.keySpan(), "Section 'functions' is "
                    + describe(functions.value()) + ", not a mapping, so no function was"
                    + " analyzed; the framework's schema requires a mapping of function names"
                    + " to settings.");
            return;
        }
        for (MapNode.Entry function : map.entries()) {
            checkFunction(function, problems);
        }
    }

    private static void checkFunction(MapNode.Entry function, ServerlessProblems problems) {
        Node value = function.value();
        MapNode settings = value.asMap();
        if (settings == null) {
            if (!ServiceModel.isNull(value)) {
                problems.add(EngineChecks.SLS_SHAPE, function.keySpan(), "Function '"
                        + function.key() + "' is " + describe(value) + ", not a mapping, so it"
                        + " was not analyzed; the framework's schema requires a mapping of"
                        + " settings such as 'handler'.");
            }
            return;
        }
        MapNode.Entry events = settings.entry("events");
        if (events == null || ServiceModel.isNull(events.value())
                || events.value() instanceof ListNode) {
            return;
        }
        problems.add(EngineChecks.SLS_SHAPE, events.keySpan(), "Setting 'functions."
                + function.key() + ".events' is " + describe(events.value()) + ", not a list,"
                + " so its events were not analyzed; the framework's schema requires a list"
                + " such as '- sqs: arn'.");
    }

    private static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.kind() == ScalarNode.Kind.STRING ? "the text '" + scalar.value() + "'"
                : "the value '" + scalar.value() + "'";
    }
}
