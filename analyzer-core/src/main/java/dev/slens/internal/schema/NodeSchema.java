package dev.slens.internal.schema;

import dev.slens.model.Node;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled schema of a JSON Schema draft 7 document, limited to the keywords that
 * {@link SchemaReader} accepts. Each component is {@code null} when the schema lacks the keyword,
 * except {@code closed}, which is {@code true} for {@code "additionalProperties": false}.
 *
 * @param description the {@code description} annotation
 * @param types the JSON types that {@code type} allows, in the order the file lists them
 * @param properties the {@code properties} subschemas, in the order the file lists them
 * @param additionalProperties the {@code additionalProperties} subschema
 * @param closed whether {@code additionalProperties} is {@code false}
 * @param anyOf the {@code anyOf} branches
 * @param required the {@code required} property names, in the order the file lists them
 * @param pattern the {@code pattern}, compiled so that {@code $} matches only at the end
 * @param minProperties the {@code minProperties} bound
 * @param maxProperties the {@code maxProperties} bound
 * @param propertyNames the {@code propertyNames} subschema
 * @param items the {@code items} subschema, which applies to every item of a list
 * @param enumValues the {@code enum} values, all of them strings
 * @param minLength the {@code minLength} bound, in Unicode code points
 * @param ref the target of {@code $ref}; a schema with a reference has no other keyword
 */
public record NodeSchema(String description, Set<String> types,
        Map<String, NodeSchema> properties, NodeSchema additionalProperties, boolean closed,
        List<NodeSchema> anyOf, List<String> required, Pattern pattern, Integer minProperties,
        Integer maxProperties, NodeSchema propertyNames, NodeSchema items,
        List<String> enumValues, Integer minLength, Reference ref) {

    /** A {@code $ref}, whose target {@link SchemaReader} sets once the whole file is read. */
    public static final class Reference {
        private final String pointer;
        private NodeSchema target;

        Reference(String pointer) {
            this.pointer = pointer;
        }

        /** Returns the JSON pointer after {@code #}, such as {@code /definitions/text}. */
        public String pointer() {
            return pointer;
        }

        NodeSchema target() {
            return target;
        }

        void resolve(NodeSchema schema) {
            target = schema;
        }
    }

    /** Returns the schema that this one refers to through {@code $ref}, or this schema. */
    public NodeSchema resolved() {
        NodeSchema schema = this;
        while (schema.ref != null) {
            schema = schema.ref.target();
        }
        return schema;
    }

    /**
     * Returns the subschema that applies to property {@code name} of an object: its entry in
     * {@code properties}, else the {@code additionalProperties} subschema, else {@code null}.
     */
    public NodeSchema propertySchema(String name) {
        NodeSchema named = properties == null ? null : properties.get(name);
        return named != null ? named : additionalProperties;
    }

    /** Returns every violation of this schema by {@code instance}, in evaluation order. */
    public List<SchemaViolation> validate(Node instance) {
        return SchemaEvaluation.violations(this, instance);
    }
}
