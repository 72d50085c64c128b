package dev.slens.internal.schema;

import java.util.List;

/**
 * One failed keyword.
 *
 * @param path the keys and list indexes from the validated node to the failing value
 * @param keyword the keyword that failed, such as {@code type} or {@code required}
 * @param property the property that {@code additionalProperties} rejects, that
 *     {@code required} misses or whose name {@code propertyNames} rejects; otherwise
 *     {@code null}
 * @param schema the schema whose keyword failed, which contains the allowed types or values
 */
public record SchemaViolation(List<Object> path, String keyword, String property,
        NodeSchema schema) {

    public SchemaViolation {
        path = List.copyOf(path);
    }

    /**
     * Returns {@link #path} as a JSON pointer, such as {@code /Events/Api}, with {@code ~} and
     * {@code /} in keys escaped as RFC 6901 requires; the validated node itself is {@code ""}.
     */
    public String location() {
        StringBuilder pointer = new StringBuilder();
        for (Object element : path) {
            pointer.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
