package dev.slens.internal.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SL0017 check as it was before slens's own evaluator replaced networknt's validator, kept
 * unchanged apart from its name and {@link #violations} as the reference for
 * {@link SchemaEquivalenceTest}. It reads the same schema files as the production check.
 */
final class LegacyServerlessSchemaCheck {

    private static final String PREFIX = "AWS::Serverless::";

    private LegacyServerlessSchemaCheck() {
    }

    /** Adds a finding to {@code findings} for each schema violation in the template. */
    static void check(SourceFile file, MapNode root, List<Resource> resources,
            List<Finding> findings) {
        MapNode globals = root.getMap("Globals");
        if (globals != null) {
            for (MapNode.Entry section : globals.entries()) {
                Target target = Holder.GLOBALS.get(section.key());
                if (target != null && section.value() instanceof MapNode properties) {
                    validate(target, file, "Globals." + section.key(), "Globals", properties,
                            section.keySpan(), findings);
                }
            }
        }
        MapNode written = root.getMap("Resources");
        for (Resource resource : resources) {
            Target target = resource.type().startsWith(PREFIX)
                    ? Holder.RESOURCES.get(resource.type().substring(PREFIX.length())) : null;
            if (target != null && resource.isWritten()) {
                MapNode definition = written == null ? null
                        : written.getMap(resource.logicalId());
                MapNode.Entry key = definition == null ? null : definition.entry("Properties");
                validate(target, file, resource.type() + " '" + resource.logicalId() + "'",
                        resource.logicalId(), resource.properties(),
                        key == null ? resource.span() : key.keySpan(), findings);
            }
        }
    }

    /**
     * Returns each error networknt reports for {@code properties} against the schema of resource
     * type {@code name} (after {@code AWS::Serverless::}) or, when {@code globals}, of that
     * Globals section, as {@code "location keyword property"}.
     */
    static List<String> violations(String name, boolean globals, MapNode properties) {
        Target target = (globals ? Holder.GLOBALS : Holder.RESOURCES).get(name);
        List<String> violations = new ArrayList<>();
        for (Error error : target.schema().validate(toJson(properties))) {
            violations.add(error.getInstanceLocation() + " " + error.getKeyword() + " "
                    + error.getProperty());
        }
        return violations;
    }

    private static void validate(Target target, SourceFile file, String subject,
            String logicalId, MapNode properties, SourceSpan addAt, List<Finding> findings) {
        // The validator reports an anyOf failure once per branch, so keep one per location.
        Map<String, Error> byLocation = new LinkedHashMap<>();
        for (Error error : target.schema().validate(toJson(properties))) {
            String key = error.getInstanceLocation().toString()
                    + ("additionalProperties".equals(error.getKeyword())
                            || "required".equals(error.getKeyword())
                            ? "/" + error.getProperty() : "");
            byLocation.putIfAbsent(key, error);
        }
        List<Finding> found = new ArrayList<>();
        for (Error error : byLocation.values()) {
            found.add(finding(target, file, subject, logicalId, properties, addAt, error));
        }
        found.sort(Comparator.comparingInt((Finding finding) -> finding.span().line())
                .thenComparingInt(finding -> finding.span().column()));
        findings.addAll(found);
    }

    private static Finding finding(Target target, SourceFile file, String subject,
            String logicalId, MapNode properties, SourceSpan addAt, Error error) {
        NodePath path = error.getInstanceLocation();
        Node node = at(properties, path);
        String name = name(path);
        SourceSpan span = node.span();
        String message;
        if ("additionalProperties".equals(error.getKeyword())) {
            String key = error.getProperty();
            MapNode.Entry entry = node.asMap() == null ? null : node.asMap().entry(key);
            span = entry == null ? span : entry.keySpan();
            String where = name.isEmpty() ? subject : "'" + name + "' of " + subject;
            message = "Property '" + key + "' of " + where + " is not a property SAM defines,"
                    + " so the SAM transform rejects the template. Remove it or correct its"
                    + " name.";
        } else if ("required".equals(error.getKeyword())) {
            span = name.isEmpty() ? addAt : keySpan(properties, path, span);
            String where = name.isEmpty() ? subject : "'" + name + "' of " + subject;
            message = where + " has no '" + error.getProperty() + "', which SAM requires."
                    + " Add it.";
        } else {
            message = "Property '" + name + "' of " + subject + " is " + describe(node)
                    + ", but SAM expects " + expected(target, path) + ". Correct the value.";
        }
        return new Finding(EngineChecks.SERVERLESS_SCHEMA.id(),
                EngineChecks.SERVERLESS_SCHEMA.severity(), message, span.fileOr(file), span,
                logicalId, List.of());
    }

    /** Returns the span of the key under which the value at {@code path} is written. */
    private static SourceSpan keySpan(MapNode properties, NodePath path, SourceSpan fallback) {
        int last = path.getNameCount() - 1;
        if (last < 0 || !(path.getElement(last) instanceof String key)) {
            return fallback;
        }
        Node parent = properties;
        for (int i = 0; i < last && parent != null; i++) {
            Object element = path.getElement(i);
            parent = element instanceof String name && parent.asMap() != null
                    ? parent.asMap().get(name) : null;
        }
        MapNode.Entry entry = parent == null || parent.asMap() == null ? null
                : parent.asMap().entry(key);
        return entry == null ? fallback : entry.keySpan();
    }

    /** Returns the description of the schema definition of the property at {@code path}. */
    private static String expected(Target target, NodePath path) {
        JsonNode schema = target.tree();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            JsonNode next = element instanceof String key
                    ? schema.path("properties").path(key) : schema.path("items");
            if (next.isMissingNode()) {
                next = schema.path("additionalProperties");
            }
            schema = resolve(target.document(), next);
        }
        return schema.path("description").asText("another kind of value");
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        return ref.startsWith("#/definitions/")
                ? document.path("definitions").path(ref.substring("#/definitions/".length()))
                : schema;
    }

    private static Node at(Node root, NodePath path) {
        Node node = root;
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            Node child = null;
            if (node instanceof MapNode map && element instanceof String key) {
                child = map.get(key);
            } else if (node instanceof ListNode list && element instanceof Integer index
                    && index < list.size()) {
                child = list.get(index);
            }
            if (child == null) {
                return node;
            }
            node = child;
        }
        return node;
    }

    private static String name(NodePath path) {
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

    private static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.value() == null || scalar.kind() == ScalarNode.Kind.NULL ? "empty"
                : "'" + scalar.value() + "'";
    }

    /** Returns {@code node} as JSON, with numbers and booleans typed as the file wrote them. */
    private static JsonNode toJson(Node node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node instanceof MapNode map) {
            ObjectNode object = nodes.objectNode();
            map.entries().forEach(entry -> object.set(entry.key(), toJson(entry.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = nodes.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar == null || scalar.value() == null || scalar.kind() == ScalarNode.Kind.NULL) {
            return nodes.nullNode();
        }
        if (scalar.kind() == ScalarNode.Kind.NUMBER) {
            try {
                return nodes.numberNode(new BigDecimal(scalar.value().replace("_", "")));
            } catch (NumberFormatException e) {
                return nodes.textNode(scalar.value());
            }
        }
        return scalar.kind() == ScalarNode.Kind.BOOLEAN
                ? nodes.booleanNode(scalar.value().equalsIgnoreCase("true"))
                : nodes.textNode(scalar.value());
    }

    /**
     * A compiled schema with its JSON tree, {@code tree} being the part that describes the
     * properties and {@code document} the whole file that its references point into.
     */
    private record Target(Schema schema, JsonNode tree, JsonNode document) { }

    /** Loads the schemas on first use, from the class path only. */
    private static final class Holder {
        private static final String FUNCTION = "serverless-function.schema.json";
        private static final String OTHERS = "serverless-resources.schema.json";

        /** Resource schemas by the type name after {@code AWS::Serverless::}. */
        private static final Map<String, Target> RESOURCES = new HashMap<>();

        /** Globals schemas by section name. */
        private static final Map<String, Target> GLOBALS = new HashMap<>();

        static {
            JsonNode function = read(FUNCTION);
            JsonNode others = read(OTHERS);
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false))
                            .schemas(Map.of(id(function), function.toString(),
                                    id(others), others.toString())));
            Target functionTarget = new Target(
                    registry.getSchema(SchemaLocation.of(id(function))), function, function);
            RESOURCES.put("Function", functionTarget);
            GLOBALS.put("Function", functionTarget);
            others.path("definitions").fieldNames().forEachRemaining(name -> {
                JsonNode tree = others.path("definitions").path(name);
                if (!tree.has("properties")) {
                    return;
                }
                Target target = new Target(registry.getSchema(
                        SchemaLocation.of(id(others) + "#/definitions/" + name)), tree, others);
                if (name.startsWith("Globals")) {
                    GLOBALS.put(name.substring("Globals".length()), target);
                } else {
                    RESOURCES.put(name, target);
                }
            });
        }

        private static String id(JsonNode schema) {
            return schema.path("$id").asText();
        }

        private static JsonNode read(String resource) {
            try (InputStream in = LegacyServerlessSchemaCheck.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing from the class path");
                }
                return new ObjectMapper().readTree(new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("failed to read " + resource, e);
            }
        }
    }
}
