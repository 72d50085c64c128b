package dev.slens.config;

import dev.slens.internal.schema.NodeSchema;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns schema violations into sentences that name the setting, what it must be and what was
 * found, pointing at the key or value in the file. Each keyword the schema uses gets its own
 * wording, and any other keyword gets a sentence that names it.
 */
final class SchemaMessages {

    private SchemaMessages() {
    }

    /** Adds the problem that {@code violation} describes, found in the tree {@code root}. */
    static void add(ConfigLoader.Problems problems, MapNode root, SchemaViolation violation) {
        List<Object> path = violation.path();
        Node node = ConfigTree.at(root, path);
        String name = ConfigTree.name(path);
        switch (violation.keyword()) {
            case "additionalProperties" ->
                    unknownKey(problems, node, name, violation.property());
            case "enum" -> problems.add(node.span(), "'" + name + "' must be one of "
                    + String.join(", ", violation.schema().enumValues()) + "; found "
                    + ConfigTree.describe(node));
            case "type" -> problems.add(node.span(), "'" + name + "' must be "
                    + expectedType(violation.schema()) + "; found "
                    + ConfigTree.describe(node));
            case "minLength" -> problems.add(node.span(), "'" + name + "' must not be empty");
            default -> problems.add(node.span(), "'" + name + "' is invalid: it fails the"
                    + " schema keyword '" + violation.keyword() + "'");
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
        NodeSchema schema = ConfigSchema.schema();
        if (!dottedName.isEmpty()) {
            for (String part : dottedName.split("\\.")) {
                schema = schema == null || schema.properties() == null ? null
                        : schema.properties().get(part);
            }
        }
        return schema == null || schema.properties() == null ? List.of()
                : new ArrayList<>(schema.properties().keySet());
    }

    private static String expectedType(NodeSchema schema) {
        List<String> names = new ArrayList<>();
        schema.types().forEach(type -> names.add(typeName(type)));
        return String.join(" or ", names);
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
