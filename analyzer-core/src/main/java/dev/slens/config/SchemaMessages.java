package dev.slens.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the validator's errors into sentences that name the setting, what it must be and what
 * was found, pointing at the key or value in the file. Keywords the schema uses get their own
 * wording; any other keeps the validator's message.
 */
final class SchemaMessages {

    private SchemaMessages() {
    }

    /** Adds the problem that {@code error} describes, found in the tree {@code root}. */
    static void add(ConfigLoader.Problems problems, MapNode root, Error error) {
        NodePath path = error.getInstanceLocation();
        Node node = ConfigTree.at(root, path);
        String name = ConfigTree.name(path);
        switch (error.getKeyword()) {
            case "additionalProperties" -> unknownKey(problems, node, name, error.getProperty());
            case "enum" -> problems.add(node.span(), "'" + name + "' must be one of "
                    + join(error.getSchemaNode()) + "; found " + ConfigTree.describe(node));
            case "type" -> problems.add(node.span(), "'" + name + "' must be "
                    + expectedType(error.getSchemaNode()) + "; found "
                    + ConfigTree.describe(node));
            case "minLength" -> problems.add(node.span(), "'" + name + "' must not be empty");
            default -> problems.add(node.span(), "'" + name + "' is invalid: "
                    + error.getMessage());
        }
    }

    private static void unknownKey(ConfigLoader.Problems problems, Node parent, String parentName,
            String key) {
        MapNode map = parent.asMap();
        MapNode.Entry entry = map == null ? null : map.entry(key);
        List<String> allowed = allowedKeys(parentName);
        String where = parentName.isEmpty() ? "" : " in '" + parentName + "'";
        String hint = ClosestName.hint(key, allowed);
        // The hint ends with a question mark, so the list starts a new sentence after it.
        String expected = allowed.isEmpty() ? ""
                : (hint.isEmpty() ? "; expected one of: " : " Expected one of: ")
                        + String.join(", ", allowed);
        problems.add(entry == null ? parent.span() : entry.keySpan(), "unknown key '" + key
                + "'" + where, hint + expected);
    }

    /** Returns the keys the schema allows in the object at {@code dottedName}. */
    private static List<String> allowedKeys(String dottedName) {
        JsonNode schema = ConfigSchema.tree();
        if (!dottedName.isEmpty()) {
            for (String part : dottedName.split("\\.")) {
                schema = schema.path("properties").path(part);
            }
        }
        List<String> keys = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static String join(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(value.asText()));
        return String.join(", ", texts);
    }

    private static String expectedType(JsonNode type) {
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(typeName(t.asText())));
            return String.join(" or ", names);
        }
        return typeName(type.asText());
    }

    private static String typeName(String type) {
        return switch (type) {
            case "object" -> "a mapping";
            case "array" -> "a list";
            case "string" -> "a string";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            default -> type;
        };
    }
}
