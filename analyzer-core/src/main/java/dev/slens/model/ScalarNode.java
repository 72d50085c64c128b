package dev.slens.model;

/**
 * A string, number, boolean or null. The value is kept as written, so {@code 2012-10-17} stays
 * the string it is in CloudFormation and never becomes a date.
 */
public record ScalarNode(String value, Kind kind, SourceSpan span) implements Node {

    /** The type a scalar was written with. */
    public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    /** Creates a string scalar. */
    public static ScalarNode string(String value, SourceSpan span) {
        return new ScalarNode(value, Kind.STRING, span);
    }

    @Override
    public String toString() {
        return value == null ? "null" : value;
    }
}
