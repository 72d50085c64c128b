package dev.slens.model;

/**
 * Position of a node in the file the user wrote: 1-based line and column of its first
 * character, and of the character just past its end.
 */
public record SourceSpan(int line, int column, int endLine, int endColumn) {

    /** Span of nodes that have no place in a file, such as values added by the analyzer. */
    public static final SourceSpan NONE = new SourceSpan(0, 0, 0, 0);

    /** Creates a span that starts and ends at one point. */
    public static SourceSpan at(int line, int column) {
        return new SourceSpan(line, column, line, column);
    }

    /** Returns whether this span points into a file. */
    public boolean isKnown() {
        return line > 0;
    }
}
