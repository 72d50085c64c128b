package dev.slens.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.path.NodePath;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.math.BigDecimal;
import java.util.Locale;

/** Converts the configuration's YAML tree to JSON for the schema, and finds nodes by path. */
final class ConfigTree {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigTree() {
    }

    /** Returns {@code node} as JSON, with numbers and booleans typed as YAML wrote them. */
    static JsonNode toJson(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach(entry -> object.set(entry.key(), toJson(entry.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = NODES.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar == null || scalar.value() == null) {
            return NODES.nullNode();
        }
        return switch (scalar.kind()) {
            case NUMBER -> number(scalar.value());
            case BOOLEAN -> NODES.booleanNode(isTrue(scalar.value()));
            case NULL -> NODES.nullNode();
            case STRING -> NODES.textNode(scalar.value());
        };
    }

    /** Returns the node at {@code path} under {@code root}, or the deepest one that exists. */
    static Node at(Node root, NodePath path) {
        Node node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Node child = child(node, path.getElement(i));
            if (child == null) {
                return node;
            }
            node = child;
        }
        return node;
    }

    /** Returns the path as the user reads it, such as {@code rules.enable[1]}. */
    static String name(NodePath path) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
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

    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(new BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    private static boolean isTrue(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("yes") || lower.equals("on")
                || lower.equals("y");
    }
}
