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

    private static final String TRUE = " is true";
    private static final String FALSE = " is false";

    /**
     * One statement of a policy document.
     *
     * @param node the statement as written
     * @param conditions the {@code Fn::If} branches taken to reach it, such as
     *     "condition 'IsDev' is true"
     */
    record Statement(MapNode node, List<String> conditions) {

        /**
         * Returns this statement once for each branch of {@code Effect} that is {@code Allow},
         * with that branch's conditions added, so a finding names when the statement allows.
         */
        List<Statement> allowing(Evaluator evaluator) {
            Node effect = node.get("Effect");
            List<Statement> allowed = new ArrayList<>();
            if (effect == null) {
                return allowed;
            }
            for (Alternative alternative : evaluator.alternatives(effect)) {
                Statement branch = when(alternative.conditions());
                if ("Allow".equals(alternative.value().exactText())
                        && consistent(branch.conditions()) && !allowed.contains(branch)) {
                    allowed.add(branch);
                }
            }
            return allowed;
        }

        /** Returns this statement with {@code more} conditions after its own. */
        Statement when(List<String> more) {
            List<String> all = new ArrayList<>(conditions);
            more.stream().filter(c -> !all.contains(c)).forEach(all::add);
            return new Statement(node, all);
        }

        /** Returns the items of {@code key}, such as {@code Action}, or an empty list. */
        List<Alternative> elements(Evaluator evaluator, String key) {
            return node.has(key) ? evaluator.elements(node.get(key)) : List.of();
        }

        /** Returns {@code alternative} with this statement's conditions in front of its own. */
        Alternative within(Alternative alternative) {
            return new Alternative(alternative.value(), when(alternative.conditions()).conditions(),
                    alternative.via(), alternative.node());
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

    /**
     * Returns whether {@code conditions} can hold together: false when they require one
     * condition to be both true and false. They are read in the form the evaluator writes, such
     * as "condition 'IsProd' is true".
     */
    static boolean consistent(List<String> conditions) {
        for (String condition : conditions) {
            if (condition.endsWith(TRUE) && conditions.contains(
                    condition.substring(0, condition.length() - TRUE.length()) + FALSE)) {
                return false;
            }
        }
        return true;
    }

    private static MapNode asMap(Value value) {
        return value instanceof Value.Structure structure ? structure.node().asMap() : null;
    }
}
