package dev.slens.index;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Finds the resource-level {@code Condition} a node is evaluated under, and decides whether a
 * condition can hold when one parameter has a given value. CloudFormation creates a resource
 * with a {@code Condition} only when that condition is true, so values that need it false can
 * never be deployed.
 */
final class ConditionScope {

    private static final int MAX_DEPTH = 32;
    private static final String SHARED = "";

    private final Template template;
    private Map<Node, String> conditionByNode;

    ConditionScope(Template template) {
        this.template = template;
    }

    /**
     * Returns the {@code Condition} of the resource {@code node} belongs to, or {@code null} when
     * it has none or the node is shared by resources with different conditions (a SAM
     * {@code Globals} value, for example).
     */
    String conditionOf(Node node) {
        if (conditionByNode == null) {
            conditionByNode = new IdentityHashMap<>();
            for (Resource resource : template.resources().values()) {
                mark(resource.properties(), resource.condition());
            }
            for (MapNode.Entry entry : template.resourceDefinitions().entries()) {
                MapNode definition = entry.value().asMap();
                if (definition != null) {
                    mark(definition, definition.getText("Condition"));
                }
            }
        }
        String condition = conditionByNode.get(node);
        return condition == null || condition.equals(SHARED) ? null : condition;
    }

    private void mark(Node node, String condition) {
        String before = conditionByNode.get(node);
        String now = condition == null ? SHARED : condition;
        if (before != null && (before.equals(now) || before.equals(SHARED))) {
            return;
        }
        conditionByNode.put(node, before == null ? now : SHARED);
        if (node instanceof MapNode map) {
            map.entries().forEach(entry -> mark(entry.value(), condition));
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> mark(item, condition));
        }
    }

    /**
     * Returns whether the condition {@code name} is certainly false when the parameter
     * {@code parameter} has {@code value}; every other parameter is taken as unknown, so a
     * condition that depends on them is never called false.
     */
    boolean isFalseWhen(String name, String parameter, String value) {
        return Boolean.FALSE.equals(named(name, parameter, value, 0));
    }

    /**
     * Returns whether the condition {@code name} is certainly true when the parameter
     * {@code parameter} has {@code value}, on the same terms as {@link #isFalseWhen}.
     */
    boolean isTrueWhen(String name, String parameter, String value) {
        return Boolean.TRUE.equals(named(name, parameter, value, 0));
    }

    private Boolean named(String name, String parameter, String value, int depth) {
        Node definition = template.section("Conditions").get(name);
        return definition == null || depth > MAX_DEPTH
                ? null : truth(definition, parameter, value, depth + 1);
    }

    private Boolean truth(Node node, String parameter, String value, int depth) {
        String function = node.intrinsicName();
        Node argument = function == null ? null : node.asMap().get(function);
        if (argument == null) {
            return null;
        }
        ListNode parts = argument.asList();
        return switch (function) {
            case "Condition" -> argument.text() == null
                    ? null : named(argument.text(), parameter, value, depth);
            case "Fn::Not" -> parts == null || parts.size() != 1
                    ? null : not(truth(parts.get(0), parameter, value, depth + 1));
            case "Fn::And" -> parts == null ? null : combine(parts, true, parameter, value, depth);
            case "Fn::Or" -> parts == null ? null : combine(parts, false, parameter, value, depth);
            case "Fn::Equals" -> parts == null || parts.size() != 2 ? null
                    : equal(text(parts.get(0), parameter, value),
                            text(parts.get(1), parameter, value));
            default -> null;
        };
    }

    private static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }

    /** Combines with three-valued logic: {@code And} is false if any part is false, and so on. */
    private Boolean combine(ListNode parts, boolean and, String parameter, String value,
            int depth) {
        boolean unknown = false;
        for (Node part : parts.items()) {
            Boolean truth = truth(part, parameter, value, depth + 1);
            if (truth == null) {
                unknown = true;
            } else if (truth != and) {
                return truth;
            }
        }
        return unknown ? null : and;
    }

    private static Boolean equal(String left, String right) {
        return left == null || right == null ? null : left.equals(right);
    }

    /** Returns the text of a literal or of a {@code Ref} to the bound parameter, else null. */
    private static String text(Node node, String parameter, String value) {
        if (node.text() != null) {
            return node.text();
        }
        if ("Ref".equals(node.intrinsicName())) {
            return parameter.equals(node.asMap().get("Ref").text()) ? value : null;
        }
        return null;
    }
}
