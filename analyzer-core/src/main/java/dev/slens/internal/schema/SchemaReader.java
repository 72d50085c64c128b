package dev.slens.internal.schema;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a JSON Schema draft 7 document, loaded as a node tree, into {@link NodeSchema}s. It
 * accepts only the keywords in {@link #ASSERTIONS}, which {@link NodeSchema#validate} evaluates,
 * and the annotations in {@link #ANNOTATIONS}. Any other keyword is an error, so a schema file
 * cannot rely on a keyword that the evaluator would skip without a word.
 */
public final class SchemaReader {

    /** The keywords that the evaluator checks. */
    public static final Set<String> ASSERTIONS = Set.of("$ref", "type", "properties",
            "additionalProperties", "anyOf", "required", "pattern", "minProperties",
            "maxProperties", "propertyNames", "items", "enum", "minLength");

    /** The keywords that describe a schema or hold subschemas and change no verdict. */
    public static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title",
            "description", "definitions");

    private static final Set<String> TYPES = Set.of("object", "array", "string", "number",
            "boolean", "null");

    private final String name;
    private final Map<String, NodeSchema> byPointer = new HashMap<>();
    private final List<NodeSchema.Reference> references = new ArrayList<>();

    private SchemaReader(String name) {
        this.name = name;
    }

    /**
     * Compiles {@code document}, a schema file called {@code name}, with every subschema under
     * {@code definitions}.
     *
     * @throws IllegalArgumentException when the file uses a keyword or value that the evaluator
     *     does not support, with the file name, line and column in the message
     */
    public static SchemaDocument read(String name, MapNode document) {
        SchemaReader reader = new SchemaReader(name);
        NodeSchema root = reader.schema(document, "");
        Map<String, NodeSchema> definitions = new LinkedHashMap<>();
        MapNode section = document.getMap("definitions");
        if (section != null) {
            for (String key : section.keys()) {
                definitions.put(key, reader.byPointer.get("/definitions/" + escape(key)));
            }
        }
        reader.resolveReferences(document);
        return new SchemaDocument(name, document.getText("$id"), root, definitions);
    }

    private NodeSchema schema(Node node, String pointer) {
        MapNode map = node.asMap();
        if (map == null) {
            throw invalid(node.span(), "the schema at '#" + pointer + "' is not a JSON object;"
                    + " boolean schemas are supported only as additionalProperties");
        }
        checkKeywords(map, pointer);
        MapNode definitions = map.getMap("definitions");
        if (map.has("definitions") && definitions == null) {
            throw invalid(map.get("definitions").span(), "definitions is not a JSON object");
        }
        if (definitions != null) {
            for (MapNode.Entry entry : definitions.entries()) {
                schema(entry.value(), pointer + "/definitions/" + escape(entry.key()));
            }
        }
        NodeSchema compiled = new NodeSchema(text(map, "description"), types(map),
                properties(map, pointer), additionalSchema(map, pointer), closed(map),
                anyOf(map, pointer), required(map), pattern(map), count(map, "minProperties"),
                count(map, "maxProperties"), subschema(map, "propertyNames", pointer),
                items(map, pointer), enumValues(map), count(map, "minLength"),
                reference(map));
        byPointer.put(pointer, compiled);
        return compiled;
    }

    private void checkKeywords(MapNode map, String pointer) {
        for (MapNode.Entry entry : map.entries()) {
            String key = entry.key();
            if (!ASSERTIONS.contains(key) && !ANNOTATIONS.contains(key)) {
                throw invalid(entry.keySpan(), "keyword '" + key + "' is not supported by"
                        + " slens's schema evaluator; use only " + new TreeSet<>(ASSERTIONS)
                        + " and the annotations " + new TreeSet<>(ANNOTATIONS));
            }
            if ((key.equals("$id") || key.equals("$schema")) && !pointer.isEmpty()) {
                throw invalid(entry.keySpan(), "keyword '" + key + "' is supported only at the"
                        + " top of the file, because the evaluator resolves references"
                        + " against the file alone");
            }
            if (map.has("$ref") && !key.equals("$ref") && ASSERTIONS.contains(key)) {
                throw invalid(entry.keySpan(), "keyword '" + key + "' sits beside $ref, which"
                        + " draft 7 ignores; move it into the schema that $ref points at");
            }
        }
    }

    private Set<String> types(MapNode map) {
        Node node = map.get("type");
        if (node == null) {
            return null;
        }
        List<Node> names = node instanceof ListNode list ? list.items() : List.of(node);
        Set<String> types = new LinkedHashSet<>();
        for (Node name : names) {
            String type = stringValue(name, "a type");
            if (!TYPES.contains(type)) {
                throw invalid(name.span(), "type '" + type + "' is not supported; use one of "
                        + new TreeSet<>(TYPES));
            }
            types.add(type);
        }
        return Collections.unmodifiableSet(types);
    }

    private Map<String, NodeSchema> properties(MapNode map, String pointer) {
        Node node = map.get("properties");
        if (node == null) {
            return null;
        }
        if (node.asMap() == null) {
            throw invalid(node.span(), "properties is not a JSON object");
        }
        Map<String, NodeSchema> properties = new LinkedHashMap<>();
        for (MapNode.Entry entry : node.asMap().entries()) {
            properties.put(entry.key(),
                    schema(entry.value(), pointer + "/properties/" + escape(entry.key())));
        }
        return properties;
    }

    private NodeSchema additionalSchema(MapNode map, String pointer) {
        Node node = map.get("additionalProperties");
        if (node == null || node instanceof ScalarNode scalar
                && scalar.kind() == ScalarNode.Kind.BOOLEAN) {
            return null;
        }
        return schema(node, pointer + "/additionalProperties");
    }

    private static boolean closed(MapNode map) {
        return map.get("additionalProperties") instanceof ScalarNode scalar
                && scalar.kind() == ScalarNode.Kind.BOOLEAN
                && scalar.value().equalsIgnoreCase("false");
    }

    private List<NodeSchema> anyOf(MapNode map, String pointer) {
        Node node = map.get("anyOf");
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list) || list.size() == 0) {
            throw invalid(node.span(), "anyOf is not a non-empty list of schemas");
        }
        List<NodeSchema> branches = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            branches.add(schema(list.get(i), pointer + "/anyOf/" + i));
        }
        return List.copyOf(branches);
    }

    private List<String> required(MapNode map) {
        Node node = map.get("required");
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list)) {
            throw invalid(node.span(), "required is not a list of property names");
        }
        List<String> names = new ArrayList<>();
        for (Node item : list.items()) {
            names.add(stringValue(item, "a property name"));
        }
        return List.copyOf(names);
    }

    private Pattern pattern(MapNode map) {
        Node node = map.get("pattern");
        if (node == null) {
            return null;
        }
        String regex = stringValue(node, "a regular expression");
        try {
            return Pattern.compile(endAnchored(regex));
        } catch (PatternSyntaxException e) {
            throw invalid(node.span(), "pattern '" + regex + "' is not a valid regular"
                    + " expression: " + e.getDescription());
        }
    }

    /**
     * Returns {@code regex} with each {@code $} anchor replaced by {@code \z}. In Java, {@code $}
     * also matches before a line break at the end of the text, but in ECMA-262, which JSON Schema
     * patterns follow, it matches only at the very end.
     */
    static String endAnchored(String regex) {
        StringBuilder result = new StringBuilder(regex.length() + 2);
        boolean escaped = false;
        boolean inClass = false;
        for (char c : regex.toCharArray()) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '[') {
                inClass = true;
            } else if (c == ']') {
                inClass = false;
            } else if (c == '$' && !inClass) {
                result.append("\\z");
                continue;
            }
            result.append(c);
        }
        return result.toString();
    }

    private Integer count(MapNode map, String keyword) {
        Node node = map.get(keyword);
        if (node == null) {
            return null;
        }
        String text = node.text();
        if (!(node instanceof ScalarNode scalar) || scalar.kind() != ScalarNode.Kind.NUMBER
                || !text.matches("\\d{1,9}")) {
            throw invalid(node.span(), keyword + " is not a whole number of at least 0");
        }
        return Integer.valueOf(text);
    }

    private NodeSchema items(MapNode map, String pointer) {
        Node node = map.get("items");
        if (node instanceof ListNode) {
            throw invalid(node.span(), "items is a list; only one schema for every item is"
                    + " supported");
        }
        return subschema(map, "items", pointer);
    }

    private List<String> enumValues(MapNode map) {
        Node node = map.get("enum");
        if (node == null) {
            return null;
        }
        if (!(node instanceof ListNode list) || list.size() == 0) {
            throw invalid(node.span(), "enum is not a non-empty list of values");
        }
        List<String> values = new ArrayList<>();
        for (Node item : list.items()) {
            values.add(stringValue(item, "a string as enum value"));
        }
        return List.copyOf(values);
    }

    private NodeSchema subschema(MapNode map, String keyword, String pointer) {
        Node node = map.get(keyword);
        return node == null ? null : schema(node, pointer + "/" + keyword);
    }

    private NodeSchema.Reference reference(MapNode map) {
        Node node = map.get("$ref");
        if (node == null) {
            return null;
        }
        String ref = stringValue(node, "a reference");
        if (!ref.startsWith("#")) {
            throw invalid(node.span(), "$ref '" + ref + "' points outside the file; only"
                    + " references that start with '#' are supported");
        }
        NodeSchema.Reference reference = new NodeSchema.Reference(ref.substring(1));
        references.add(reference);
        return reference;
    }

    private void resolveReferences(MapNode document) {
        for (NodeSchema.Reference reference : references) {
            NodeSchema target = byPointer.get(reference.pointer());
            if (target == null) {
                throw invalid(document.span(), "$ref '#" + reference.pointer() + "' points at"
                        + " no schema in the file");
            }
            reference.resolve(target);
        }
        for (NodeSchema.Reference reference : references) {
            NodeSchema schema = reference.target();
            for (int steps = 0; schema.ref() != null; steps++) {
                if (steps > references.size()) {
                    throw invalid(document.span(), "$ref '#" + reference.pointer() + "' is part"
                            + " of a cycle of references that never reaches a schema");
                }
                schema = schema.ref().target();
            }
        }
    }

    private String text(MapNode map, String keyword) {
        Node node = map.get(keyword);
        return node == null ? null : stringValue(node, "a text value");
    }

    private String stringValue(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.kind() != ScalarNode.Kind.STRING) {
            throw invalid(node.span(), "expected " + what + " in quotes");
        }
        return scalar.value();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private IllegalArgumentException invalid(SourceSpan span, String problem) {
        return new IllegalArgumentException(name + ":" + span.line() + ":" + span.column()
                + ": " + problem);
    }
}
