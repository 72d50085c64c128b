package dev.slens.index;

import dev.slens.model.Node;

/**
 * The value a template node evaluates to. An {@link Unknown} never causes a finding by itself:
 * rules report only what they can show.
 */
public sealed interface Value {

    /**
     * A string. When {@code exact} is false, parts of it could not be known (a pseudo parameter,
     * a resource's physical name) and stand in the text as placeholders such as
     * <code>{{ref:Orders}}</code>; such text may be compared for association, never for content.
     */
    record Text(String text, boolean exact) implements Value { }

    /** A number or boolean, kept as written. */
    record Literal(String text) implements Value { }

    /** A map or list, to be read further as nodes. */
    record Structure(Node node) implements Value { }

    /** {@code Ref: AWS::NoValue}: the property or item is absent. */
    record NoValue() implements Value { }

    /** A value known only at deployment, such as an import or a parameter without a default. */
    record Unknown(String reason) implements Value { }

    /** Returns the exact text of a string, or {@code null} when the value is anything else. */
    default String exactText() {
        return this instanceof Text text && text.exact() ? text.text() : null;
    }
}
