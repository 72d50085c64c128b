package dev.slens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.slens.load.FormatDetector;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CloudFormation that slens derived from a template, as JSON: SAM resources expanded,
 * intrinsic functions left as written. Each resource's {@code Metadata} gains
 * {@code slens:source} (the file and line it came from) and, for a generated resource,
 * {@code slens:generatedFrom} (the SAM resource that produced it).
 */
public final class ExpandedTemplate {

    /** Metadata key that names the file and line a resource came from. */
    public static final String SOURCE_KEY = "slens:source";
    /** Metadata key that names the SAM resource a generated resource came from. */
    public static final String GENERATED_FROM_KEY = "slens:generatedFrom";

    /** Top-level sections the SAM translator consumes and so leaves out of its output. */
    private static final Set<String> CONSUMED_SECTIONS = Set.of("Globals", "Resources");
    /** Resource attributes copied from what the user wrote, besides Type and Properties. */
    private static final List<String> ATTRIBUTES = List.of("DependsOn", "DeletionPolicy",
            "UpdateReplacePolicy", "UpdatePolicy", "CreationPolicy");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Whole numbers with more trailing zeros than this are printed as written, not as digits. */
    private static final int MAX_EXPONENT_DIGITS = 100;
    /** A number as JSON writes it: no leading '+', no leading zero, digits around the point. */
    private static final Pattern JSON_NUMBER =
            Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private ExpandedTemplate() {
    }

    /** Returns {@code template} as CloudFormation JSON, sections in the order written. */
    public static ObjectNode toJson(Template template) {
        ObjectNode root = JSON.objectNode();
        if (template.format() == TemplateFormat.SERVERLESS_FRAMEWORK) {
            // The sections of a serverless.yml are not CloudFormation, so only the derived
            // resources are printed.
            root.set("Resources", resources(template));
            return root;
        }
        for (MapNode.Entry section : template.root().entries()) {
            if (section.key().equals("Transform")) {
                JsonNode transform = withoutSamTransform(section.value());
                if (transform != null) {
                    root.set("Transform", transform);
                }
            } else if (section.key().equals("Resources")) {
                root.set("Resources", resources(template));
            } else if (!CONSUMED_SECTIONS.contains(section.key())) {
                root.set(section.key(), toJson(section.value()));
            }
        }
        if (!root.has("Resources")) {
            root.set("Resources", resources(template));
        }
        return root;
    }

    /**
     * Returns {@code node} as JSON. Numbers and booleans keep their type; a YAML number that
     * JSON cannot write, such as {@code .inf} or {@code 0x1F}, becomes a string.
     */
    public static JsonNode toJson(Node node) {
        if (node == null) {
            return JSON.nullNode();
        }
        if (node instanceof MapNode map) {
            ObjectNode object = JSON.objectNode();
            for (MapNode.Entry entry : map.entries()) {
                object.set(entry.key(), toJson(entry.value()));
            }
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = JSON.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String value = scalar.value();
        return switch (scalar.kind()) {
            case NULL -> JSON.nullNode();
            case STRING -> JSON.textNode(value);
            case BOOLEAN -> JSON.booleanNode(value.toLowerCase(Locale.ROOT).equals("true"));
            case NUMBER -> number(value);
        };
    }

    private static JsonNode number(String value) {
        try {
            BigDecimal decimal = new BigDecimal(value.replace("_", ""));
            if (decimal.scale() < -MAX_EXPONENT_DIGITS) {
                // Digits would take as many characters as the exponent, such as a million for
                // 1e999999, so such a number is printed as written when JSON allows that.
                return JSON_NUMBER.matcher(value).matches()
                        ? JSON.rawValueNode(new RawValue(value)) : JSON.textNode(value);
            }
            return decimal.scale() <= 0 ? JSON.numberNode(decimal.toBigIntegerExact())
                    : JSON.numberNode(decimal);
        } catch (NumberFormatException | ArithmeticException e) {
            return JSON.textNode(value);
        }
    }

    private static ObjectNode resources(Template template) {
        ObjectNode resources = JSON.objectNode();
        MapNode written = template.resourceDefinitions();
        for (Resource resource : template.resources().values()) {
            // A serverless.yml keys its definitions by the generated resource's own ID, so an
            // extended generated resource has one; SAM's belong to the SAM resource.
            boolean own = resource.isWritten()
                    || template.format() == TemplateFormat.SERVERLESS_FRAMEWORK;
            MapNode definition = own ? written.getMap(resource.logicalId()) : null;
            resources.set(resource.logicalId(), resource(template, resource, definition));
        }
        return resources;
    }

    private static ObjectNode resource(Template template, Resource resource, MapNode definition) {
        ObjectNode json = JSON.objectNode();
        json.put("Type", resource.type());
        if (resource.condition() != null) {
            json.put("Condition", resource.condition());
        }
        // A generated resource carries the attributes its expansion gave it.
        MapNode attributes = definition != null ? definition : resource.attributes();
        for (String attribute : ATTRIBUTES) {
            Node value = attributes.get(attribute);
            if (value != null) {
                json.set(attribute, toJson(value));
            }
        }
        json.set("Properties", toJson(resource.properties()));

        ObjectNode metadata = JSON.objectNode();
        MapNode userMetadata = attributes.getMap("Metadata");
        if (userMetadata != null) {
            metadata.setAll((ObjectNode) toJson(userMetadata));
        }
        ObjectNode source = metadata.putObject(SOURCE_KEY);
        source.put("file", template.file().displayPath());
        source.put("line", resource.span().line());
        if (resource.generatedFrom() != null) {
            metadata.put(GENERATED_FROM_KEY, resource.generatedFrom());
        }
        json.set("Metadata", metadata);
        return json;
    }

    /** Returns the transforms other than SAM's, or {@code null} when none remain. */
    private static JsonNode withoutSamTransform(Node transform) {
        if (FormatDetector.SAM_TRANSFORM.equals(transform.text())) {
            return null;
        }
        if (transform instanceof ListNode list) {
            ArrayNode rest = JSON.arrayNode();
            for (Node item : list.items()) {
                if (!FormatDetector.SAM_TRANSFORM.equals(item.text())) {
                    rest.add(toJson(item));
                }
            }
            return rest.isEmpty() ? null : rest;
        }
        return toJson(transform);
    }
}
