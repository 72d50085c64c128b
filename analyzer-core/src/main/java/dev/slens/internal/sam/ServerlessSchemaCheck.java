package dev.slens.internal.sam;

import dev.slens.internal.schema.NodeSchema;
import dev.slens.internal.schema.SchemaDocument;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the properties of each {@code AWS::Serverless::*} resource and of each section of
 * {@code Globals} against the JSON schemas {@code serverless-function.schema.json} and
 * {@code serverless-resources.schema.json}: a property SAM does not define, a property SAM
 * requires and the template lacks, and a mapping or list where SAM expects text or a number, or
 * the reverse. Each problem becomes an SL0017 finding on the user's line. Values given by an
 * intrinsic function pass. SL0016 reports numbers written wrongly and SL1060 numbers out of
 * Lambda's range, so this check leaves both alone.
 *
 * <p>NOTE: the schemas list the properties of SAM's specification
 * ({@code samtranslator/internal/schema_source/} and the SAM developer guide, December 2026).
 * A property SAM adds later is reported until a schema gains it. Each Globals section has its
 * own list, taken from {@code samtranslator/plugins/globals/globals.py}, and a Globals section
 * the schemas do not describe is not checked.
 */
final class ServerlessSchemaCheck {

    private static final String PREFIX = "AWS::Serverless::";

    private ServerlessSchemaCheck() {
    }

    /** Adds a finding to {@code findings} for each schema violation in the template. */
    static void check(SourceFile file, MapNode root, List<Resource> resources,
            List<Finding> findings) {
        MapNode globals = root.getMap("Globals");
        if (globals != null) {
            for (MapNode.Entry section : globals.entries()) {
                NodeSchema target = Holder.GLOBALS.get(section.key());
                if (target != null && section.value() instanceof MapNode properties) {
                    validate(target, file, "Globals." + section.key(), "Globals", properties,
                            section.keySpan(), findings);
                }
            }
        }
        MapNode written = root.getMap("Resources");
        for (Resource resource : resources) {
            NodeSchema target = resource.type().startsWith(PREFIX)
                    ? Holder.RESOURCES.get(resource.type().substring(PREFIX.length())) : null;
            if (target != null && resource.isWritten()) {
                validate(target, file, resource.type() + " '" + resource.logicalId() + "'",
                        resource.logicalId(), resource.properties(),
                        propertiesKey(written, resource), findings);
            }
        }
    }

    /**
     * Returns the properties of the Globals section {@code section} that SAM accepts there, so
     * that a property SAM rejects in Globals, such as {@code Events}, is not copied into the
     * resources. Returns {@code properties} unchanged when no schema describes the section.
     */
    static MapNode supportedGlobals(String section, MapNode properties) {
        NodeSchema schema = properties == null ? null : Holder.GLOBALS.get(section);
        if (schema == null) {
            return properties;
        }
        List<MapNode.Entry> kept = new ArrayList<>();
        for (MapNode.Entry entry : properties.entries()) {
            if (schema.propertySchema(entry.key()) != null) {
                kept.add(entry);
            }
        }
        return kept.size() == properties.entries().size() ? properties
                : new MapNode(kept, properties.span());
    }

    /**
     * Returns the compiled schemas of the Globals sections when {@code globals}, else of the
     * resource types, by the name after {@code AWS::Serverless::}.
     */
    static Map<String, NodeSchema> schemas(boolean globals) {
        return Collections.unmodifiableMap(globals ? Holder.GLOBALS : Holder.RESOURCES);
    }

    /**
     * Returns where a missing property belongs: the {@code Properties} key of {@code resource},
     * or its logical ID when it has no {@code Properties}.
     */
    private static SourceSpan propertiesKey(MapNode written, Resource resource) {
        MapNode definition = written == null ? null : written.getMap(resource.logicalId());
        MapNode.Entry entry = definition == null ? null : definition.entry("Properties");
        return entry == null ? resource.span() : entry.keySpan();
    }

    private static void validate(NodeSchema target, SourceFile file, String subject,
            String logicalId, MapNode properties, SourceSpan addAt, List<Finding> findings) {
        // A failed anyOf yields a violation per branch, so keep one per location.
        Map<String, SchemaViolation> byLocation = new LinkedHashMap<>();
        for (SchemaViolation violation : target.validate(properties)) {
            String key = violation.location()
                    + ("additionalProperties".equals(violation.keyword())
                            || "required".equals(violation.keyword())
                            ? "/" + violation.property() : "");
            byLocation.putIfAbsent(key, violation);
        }
        List<Finding> found = new ArrayList<>();
        for (SchemaViolation violation : byLocation.values()) {
            found.add(finding(target, file, subject, logicalId, properties, addAt, violation));
        }
        found.sort(Comparator.comparingInt((Finding finding) -> finding.span().line())
                .thenComparingInt(finding -> finding.span().column()));
        findings.addAll(found);
    }

    private static Finding finding(NodeSchema target, SourceFile file, String subject,
            String logicalId, MapNode properties, SourceSpan addAt, SchemaViolation violation) {
        List<Object> path = violation.path();
        Node node = at(properties, path);
        String name = name(path);
        SourceSpan span = node.span();
        String message;
        if ("additionalProperties".equals(violation.keyword())) {
            String key = violation.property();
            MapNode.Entry entry = node.asMap() == null ? null : node.asMap().entry(key);
            span = entry == null ? span : entry.keySpan();
            String where = name.isEmpty() ? subject : "'" + name + "' of " + subject;
            message = "Property '" + key + "' of " + where + " is not a property SAM defines,"
                    + " so the SAM transform rejects the template. Remove it or correct its"
                    + " name.";
        } else if ("required".equals(violation.keyword())) {
            span = name.isEmpty() ? addAt : keySpan(properties, path, span);
            String where = name.isEmpty() ? subject : "'" + name + "' of " + subject;
            message = where + " has no '" + violation.property() + "', which SAM requires."
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
    private static SourceSpan keySpan(MapNode properties, List<Object> path,
            SourceSpan fallback) {
        int last = path.size() - 1;
        if (last < 0 || !(path.get(last) instanceof String key)) {
            return fallback;
        }
        Node parent = properties;
        for (int i = 0; i < last && parent != null; i++) {
            parent = path.get(i) instanceof String name && parent.asMap() != null
                    ? parent.asMap().get(name) : null;
        }
        MapNode.Entry entry = parent == null || parent.asMap() == null ? null
                : parent.asMap().entry(key);
        return entry == null ? fallback : entry.keySpan();
    }

    /** Returns the description of the schema that applies to the property at {@code path}. */
    private static String expected(NodeSchema target, List<Object> path) {
        NodeSchema schema = target;
        for (int i = 0; i < path.size() && schema != null; i++) {
            NodeSchema next = path.get(i) instanceof String key ? schema.propertySchema(key)
                    : schema.items() != null ? schema.items() : schema.additionalProperties();
            schema = next == null ? null : next.resolved();
        }
        return schema == null || schema.description() == null ? "another kind of value"
                : schema.description();
    }

    private static Node at(Node root, List<Object> path) {
        Node node = root;
        for (Object element : path) {
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

    private static String name(List<Object> path) {
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

    /** Loads and compiles the schemas on first use, from the class path only. */
    private static final class Holder {

        /** Resource schemas by the type name after {@code AWS::Serverless::}. */
        private static final Map<String, NodeSchema> RESOURCES = new HashMap<>();

        /** Globals schemas by section name. */
        private static final Map<String, NodeSchema> GLOBALS = new HashMap<>();

        static {
            SchemaDocument function = SchemaDocument.load(ServerlessSchemaCheck.class,
                    "serverless-function.schema.json");
            RESOURCES.put("Function", function.root());
            GLOBALS.put("Function", function.definitions().get("GlobalsFunction"));
            SchemaDocument others = SchemaDocument.load(ServerlessSchemaCheck.class,
                    "serverless-resources.schema.json");
            others.definitions().forEach((name, schema) -> {
                if (schema.properties() == null) {
                    return;
                }
                if (name.startsWith("Globals")) {
                    GLOBALS.put(name.substring("Globals".length()), schema);
                } else {
                    RESOURCES.put(name, schema);
                }
            });
        }
    }
}
