package dev.slens.internal.schema;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a {@link NodeSchema} against a node tree. The violations come in the order
 * networknt's json-schema-validator 2.0.8 reports them for the same draft 7 schema, which the
 * equivalence test checks: {@code properties} in schema order, then unknown properties in file
 * order, then {@code required} in schema order, list items in index order, and for a failed
 * {@code anyOf} the violations of every branch in turn.
 */
final class SchemaEvaluation {

    /** The keys and indexes from the validated node to the node being evaluated. */
    private final List<Object> path = new ArrayList<>();

    private SchemaEvaluation() {
    }

    static List<SchemaViolation> violations(NodeSchema schema, Node instance) {
        List<SchemaViolation> violations = new ArrayList<>();
        new SchemaEvaluation().evaluate(schema, instance, violations);
        return violations;
    }

    /**
     * Returns the JSON type of {@code node} as the template states it. A scalar written as a
     * number that Java cannot read as a decimal, such as YAML's {@code 0x1F} or {@code .inf}, is
     * a string, and so is every scalar written in quotes.
     */
    static String jsonType(Node node) {
        if (node instanceof MapNode) {
            return "object";
        }
        if (node instanceof ListNode) {
            return "array";
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.value() == null || scalar.kind() == ScalarNode.Kind.NULL) {
            return "null";
        }
        return switch (scalar.kind()) {
            case NUMBER -> isDecimal(scalar.value()) ? "number" : "string";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    private static boolean isDecimal(String text) {
        try {
            new BigDecimal(text.replace("_", ""));
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void evaluate(NodeSchema schema, Node node, List<SchemaViolation> out) {
        if (schema.ref() != null) {
            evaluate(schema.ref().target(), node, out);
            return;
        }
        String type = jsonType(node);
        if (schema.types() != null && !schema.types().contains(type)) {
            out.add(violation(schema, "type", null));
        }
        if (node instanceof MapNode map) {
            evaluateObject(schema, map, out);
        }
        if (node instanceof ListNode list && schema.items() != null) {
            for (int i = 0; i < list.size(); i++) {
                evaluateChild(schema.items(), i, list.get(i), out);
            }
        }
        if (schema.anyOf() != null) {
            evaluateAnyOf(schema.anyOf(), node, out);
        }
        if (type.equals("string")) {
            evaluateString(schema, ((ScalarNode) node).value(), out);
        } else if (schema.enumValues() != null) {
            out.add(violation(schema, "enum", null));
        }
    }

    private void evaluateString(NodeSchema schema, String text, List<SchemaViolation> out) {
        if (schema.pattern() != null && !schema.pattern().matcher(text).find()) {
            out.add(violation(schema, "pattern", null));
        }
        if (schema.enumValues() != null && !schema.enumValues().contains(text)) {
            out.add(violation(schema, "enum", null));
        }
        if (schema.minLength() != null
                && text.codePointCount(0, text.length()) < schema.minLength()) {
            out.add(violation(schema, "minLength", null));
        }
    }

    private void evaluateObject(NodeSchema schema, MapNode map, List<SchemaViolation> out) {
        Map<String, NodeSchema> properties = schema.properties();
        if (properties != null) {
            for (Map.Entry<String, NodeSchema> property : properties.entrySet()) {
                Node value = map.get(property.getKey());
                if (value != null) {
                    evaluateChild(property.getValue(), property.getKey(), value, out);
                }
            }
        }
        for (MapNode.Entry entry : map.entries()) {
            if (properties != null && properties.containsKey(entry.key())) {
                continue;
            }
            if (schema.closed()) {
                out.add(violation(schema, "additionalProperties", entry.key()));
            } else if (schema.additionalProperties() != null) {
                evaluateChild(schema.additionalProperties(), entry.key(), entry.value(), out);
            }
        }
        if (schema.required() != null) {
            for (String name : schema.required()) {
                if (!map.has(name)) {
                    out.add(violation(schema, "required", name));
                }
            }
        }
        evaluateSize(schema, map, out);
        if (schema.propertyNames() != null) {
            for (MapNode.Entry entry : map.entries()) {
                ScalarNode name = ScalarNode.string(entry.key(), entry.keySpan());
                List<SchemaViolation> nameViolations = new ArrayList<>();
                evaluate(schema.propertyNames(), name, nameViolations);
                if (!nameViolations.isEmpty()) {
                    out.add(violation(schema, "propertyNames", entry.key()));
                }
            }
        }
    }

    private void evaluateSize(NodeSchema schema, MapNode map, List<SchemaViolation> out) {
        if (schema.minProperties() != null && map.size() < schema.minProperties()) {
            out.add(violation(schema, "minProperties", null));
        }
        if (schema.maxProperties() != null && map.size() > schema.maxProperties()) {
            out.add(violation(schema, "maxProperties", null));
        }
    }

    /** Adds nothing when one branch holds, else the violations of every branch in order. */
    private void evaluateAnyOf(List<NodeSchema> branches, Node node, List<SchemaViolation> out) {
        List<SchemaViolation> failures = new ArrayList<>();
        for (NodeSchema branch : branches) {
            List<SchemaViolation> branchViolations = new ArrayList<>();
            evaluate(branch, node, branchViolations);
            if (branchViolations.isEmpty()) {
                return;
            }
            failures.addAll(branchViolations);
        }
        out.addAll(failures);
    }

    private void evaluateChild(NodeSchema schema, Object key, Node value,
            List<SchemaViolation> out) {
        path.add(key);
        evaluate(schema, value, out);
        path.remove(path.size() - 1);
    }

    private SchemaViolation violation(NodeSchema schema, String keyword, String property) {
        return new SchemaViolation(path, keyword, property, schema);
    }
}
