package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Finds the {@code Fn::If} branches in which a nested setting, such as
 * {@code OnFailure.Destination}, is absent. An empty string counts as absent, and a value that
 * cannot be known counts as present.
 */
final class AbsentSetting {

    private AbsentSetting() {
    }

    /**
     * Returns the condition lists under which the value at {@code path} below {@code node} is
     * absent. An empty condition list in the result means every branch. A map on the path for
     * which {@code filledIn} returns true counts as setting the rest, for keys that SAM fills in.
     */
    static List<List<String>> branches(Evaluator evaluator, Node node, List<String> path,
            List<String> conditions, Predicate<MapNode> filledIn) {
        if (node == null) {
            return List.of(conditions);
        }
        List<List<String>> result = new ArrayList<>();
        for (Alternative alternative : evaluator.alternatives(node)) {
            List<String> reached = new ArrayList<>(conditions);
            reached.addAll(alternative.conditions());
            Value value = alternative.value();
            boolean emptyText = path.isEmpty() && "".equals(value.exactText());
            if (value instanceof Value.NoValue || emptyText) {
                result.add(reached);
            } else if (!path.isEmpty() && value instanceof Value.Structure structure
                    && structure.node().asMap() != null) {
                MapNode map = structure.node().asMap();
                if (!filledIn.test(map)) {
                    result.addAll(branches(evaluator, map.get(path.get(0)),
                            path.subList(1, path.size()), reached, filledIn));
                }
            }
        }
        return result;
    }

    /** Returns " (when A or B and C)" for messages, or "" when the setting is always absent. */
    static String qualifier(List<List<String>> branches) {
        if (branches.contains(List.of())) {
            return "";
        }
        return branches.stream()
                .distinct()
                .map(conditions -> String.join(" and ", conditions))
                .collect(Collectors.joining(" or ", " (when ", ")"));
    }
}
