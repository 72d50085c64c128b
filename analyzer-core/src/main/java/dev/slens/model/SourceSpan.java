package dev.slens.model;

import java.util.Objects;

/**
 * Position of a node in the file the user wrote: 1-based line and column of its first
 * character, and of the character just past its end.
 *
 * @param file the file the position is in when it is not the template's own file, such as a
 *     file that a Serverless Framework {@code ${file()}} variable includes; {@code null} for
 *     the template's own file
 */
public record SourceSpan(int line, int column, int endLine, int endColumn, SourceFile file) {

    /** Span of nodes that have no place in a file, such as values added by the analyzer. */
    public static final SourceSpan NONE = new SourceSpan(0, 0, 0, 0);

    /** Creates a span in the template's own file. */
    public SourceSpan(int line, int column, int endLine, int endColumn) {
        this(line, column, endLine, endColumn, null);
    }

    /** Creates a span that starts and ends at one point. */
    public static SourceSpan at(int line, int column) {
        return new SourceSpan(line, column, line, column);
    }

    /** Returns whether this span points into a file. */
    public boolean isKnown() {
        return line > 0;
    }

    /** Returns this span placed in {@code other}, a file other than the template's own. */
    public SourceSpan inFile(SourceFile other) {
        return new SourceSpan(line, column, endLine, endColumn, other);
    }

    /** Returns the file this span is in: its own file when it has one, else {@code template}. */
    public SourceFile fileOr(SourceFile template) {
        return file != null ? file : template;
    }

    /**
     * Compares positions and the path of the file, not the file's lines, so comparing spans
     * stays cheap.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceSpan span && line == span.line && column == span.column
                && endLine == span.endLine && endColumn == span.endColumn
                && Objects.equals(path(file), path(span.file));
    }

    @Override
    public int hashCode() {
        return Objects.hash(line, column, endLine, endColumn, path(file));
    }

    /** Names the file by its display path, because its lines would swamp the text. */
    @Override
    public String toString() {
        String place = "SourceSpan[line=" + line + ", column=" + column + ", endLine=" + endLine
                + ", endColumn=" + endColumn;
        return place + (file == null ? "" : ", file=" + file.displayPath()) + "]";
    }

    private static String path(SourceFile file) {
        return file == null ? null : file.displayPath();
    }
}
