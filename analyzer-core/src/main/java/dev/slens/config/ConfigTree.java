package dev.slens.config;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.util.List;
import java.util.Locale;

/** Finds and describes nodes of the configuration's YAML tree by their schema path. */
final class ConfigTree {

    private ConfigTree() {
    }

    /** Returns the node at {@code path} under {@code root}, or the deepest one that exists. */
    static Node at(Node root, List<Object> path) {
        Node node = root;
        for (Object element : path) {
            Node child = child(node, element);
            if (child == null) {
                return node;
            }
            node = child;
        }
        return node;
    }

    /** Returns the path as the user reads it, such as {@code rules.enable[1]}. */
    static String name(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.length() == 0 ? "" : ".").append(element);
            }
        }
        return name.toString();
    }

    /** Describes the value of {@code node} for "found ..." in messages. */
    static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar == null || scalar.value() == null || scalar.kind() == ScalarNode.Kind.NULL) {
            return "nothing";
        }
        return switch (scalar.kind()) {
            case NUMBER -> "the number " + scalar.value();
            case BOOLEAN -> scalar.value();
            default -> "'" + scalar.value() + "'";
        };
    }

    private static Node child(Node node, Object element) {
        if (node instanceof MapNode map && element instanceof String key) {
            return map.get(key);
        }
        if (node instanceof ListNode list && element instanceof Integer index
                && index < list.size()) {
            return list.get(index);
        }
        return null;
    }

    /** Returns whether a YAML 1.1 boolean, such as {@code yes} or {@code On}, means true. */
    static boolean isTrue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("yes") || lower.equals("on")
                || lower.equals("y");
    }
}
