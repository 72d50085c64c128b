package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/** Reads the statements of an IAM policy document through {@code Fn::If} at any level. */
final class PolicyStatements {

    /**
     * One statement of a policy document.
     *
     * @param node the statement as written
     * @param conditions the {@code Fn::If} branches taken to reach it, such as
     *     "condition 'IsDev' is true"
     */
    record Statement(MapNode node, List<String> conditions) {

        /** Returns whether some branch of {@code Effect} is {@code Allow}. */
        boolean allows(Evaluator evaluator) {
            Node effect = node.get("Effect");
            return effect != null && evaluator.alternatives(effect).stream()
                    .anyMatch(alternative -> "Allow".equals(alternative.value().exactText()));
        }

        /** Returns {@code alternative} with this statement's conditions in front of its own. */
        Alternative within(Alternative alternative) {
            List<String> all = new ArrayList<>(conditions);
            alternative.conditions().stream().filter(c -> !all.contains(c)).forEach(all::add);
            return new Alternative(alternative.value(), all, alternative.via(),
                    alternative.node());
        }
    }

    private PolicyStatements() {
    }

    /** Returns every statement that some branch of {@code document} contains. */
    static List<Statement> of(Evaluator evaluator, Node document) {
        List<Statement> statements = new ArrayList<>();
        for (Alternative branch : evaluator.alternatives(document)) {
            MapNode body = asMap(branch.value());
            Node items = body == null ? null : body.get("Statement");
            if (items == null) {
                continue;
            }
            for (Alternative item : evaluator.elements(items)) {
                MapNode statement = asMap(item.value());
                if (statement != null) {
                    List<String> conditions = new ArrayList<>(branch.conditions());
                    conditions.addAll(item.conditions());
                    statements.add(new Statement(statement, conditions));
                }
            }
        }
        return statements;
    }

    private static MapNode asMap(Value value) {
        return value instanceof Value.Structure structure ? structure.node().asMap() : null;
    }
}
