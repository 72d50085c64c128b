package dev.slens.rules.reliability;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code RedrivePolicy} of an SQS queue or SNS subscription, which CloudFormation
 * accepts either as a map or as a JSON string, and finds the {@code Fn::If} branches in which it
 * names no {@code deadLetterTargetArn}.
 */
final class RedrivePolicies {

    static final String TARGET_KEY = "deadLetterTargetArn";

    private RedrivePolicies() {
    }

    /**
     * Returns a qualifier such as " (when condition 'IsProd' is false)" for each branch in which
     * {@code policy} has no dead-letter target, with "" for a policy missing in every branch.
     * Returns an empty list when every branch names a target. An empty target counts as absent,
     * and a value that cannot be known, such as an import, counts as present.
     */
    static List<String> missingTargets(Evaluator evaluator, Node policy) {
        if (policy == null) {
            return List.of("");
        }
        List<String> missing = new ArrayList<>();
        for (Alternative alternative : evaluator.alternatives(policy)) {
            Value value = alternative.value();
            if (value instanceof Value.NoValue) {
                missing.add(alternative.qualifier());
            } else if (value instanceof Value.Structure structure) {
                missing.addAll(missingInMap(evaluator, structure.node().asMap(), alternative));
            } else if (value instanceof Value.Text text && !textNamesTarget(text)) {
                missing.add(alternative.qualifier());
            }
        }
        return missing.stream().distinct().toList();
    }

    /**
     * Parses a JSON policy string. Placeholders that stand for references sit inside JSON
     * strings, so text with unknown parts still parses as long as its structure is written out.
     * Returns {@code null} when the text is not a JSON object.
     */
    static JsonNode parse(String text) {
        try {
            JsonNode tree = Json.MAPPER.readTree(text);
            return tree != null && tree.isObject() ? tree : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static List<String> missingInMap(Evaluator evaluator, MapNode map,
            Alternative outer) {
        Node target = map == null ? null : map.get(TARGET_KEY);
        if (target == null) {
            return List.of(outer.qualifier());
        }
        List<String> missing = new ArrayList<>();
        for (Alternative inner : evaluator.alternatives(target)) {
            boolean empty = "".equals(inner.value().exactText());
            if (inner.value() instanceof Value.NoValue || empty) {
                List<String> conditions = new ArrayList<>(outer.conditions());
                conditions.addAll(inner.conditions());
                List<String> via = new ArrayList<>(outer.via());
                via.addAll(inner.via());
                missing.add(new Alternative(inner.value(), conditions, via, inner.node())
                        .qualifier());
            }
        }
        return missing;
    }

    private static boolean textNamesTarget(Value.Text text) {
        JsonNode tree = parse(text.text());
        if (tree == null) {
            // SQS and SNS reject a policy that is not a JSON object, so fully known text of that
            // kind names no target. Text with unknown parts, such as a number from a parameter
            // written outside quotes, cannot be judged.
            return !text.exact();
        }
        JsonNode target = tree.get(TARGET_KEY);
        return target != null && !target.asText().isEmpty();
    }

    /**
     * The mapper, in a holder class so that it is built on first use. Building one loads a few
     * hundred Jackson classes, which would add to the start-up of every scan.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
