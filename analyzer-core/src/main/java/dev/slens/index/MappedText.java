package dev.slens.index;

import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Text put together from pieces of a template, such as the parts of a {@code Fn::Join} or the
 * lines of a YAML block scalar, that remembers where in the template each piece came from. A
 * parser reads the text; {@link #map} turns a line and column in the text back into the
 * template's. It also tracks whether the end of the text is inside a JSON string, so a
 * placeholder can be quoted where JSON expects a value.
 */
final class MappedText {

    /** The start of a run of characters, in the text and in the template. */
    private record Segment(int textLine, int textColumn, int line, int column, boolean exact) { }

    private final StringBuilder text = new StringBuilder();
    private final List<List<Segment>> lines = new ArrayList<>();
    private boolean inString;
    private boolean escaped;
    private Segment last = new Segment(1, 1, 0, 0, false);

    MappedText() {
        lines.add(new ArrayList<>());
    }

    String text() {
        return text.toString();
    }

    /** Returns whether the text so far ends inside a JSON string. */
    boolean inJsonString() {
        return inString;
    }

    /**
     * Appends {@code chunk}, whose first character the user wrote at {@code line} and
     * {@code column}. When {@code exact} is true, the following characters of the chunk's first
     * line are at the following columns; otherwise, as for a quoted scalar whose escapes change
     * the length, every character maps to that one place.
     */
    void append(String chunk, int line, int column, boolean exact) {
        boolean first = true;
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (first || currentLine().isEmpty()) {
                boolean keepsColumns = exact && first;
                Segment segment = new Segment(lines.size(), column(), line, column, keepsColumns);
                currentLine().add(segment);
                last = segment;
                first = false;
            }
            text.append(c);
            track(c);
            if (c == '\n') {
                lines.add(new ArrayList<>());
                exact = false;
            }
        }
    }

    /** Returns the template place of {@code span}, a place in this text. */
    SourceSpan map(SourceSpan span) {
        SourceSpan start = point(span.line(), span.column());
        SourceSpan end = point(span.endLine(), span.endColumn());
        if (end.line() < start.line()
                || end.line() == start.line() && end.column() < start.column()) {
            end = start;
        }
        return new SourceSpan(start.line(), start.column(), end.line(), end.column());
    }

    private SourceSpan point(int line, int column) {
        Segment found = null;
        for (int i = Math.min(line, lines.size()) - 1; i >= 0 && found == null; i--) {
            List<Segment> segments = lines.get(i);
            for (Segment segment : segments) {
                if (i < line - 1 || segment.textColumn() <= column) {
                    found = segment;
                }
            }
        }
        if (found == null) {
            found = last;
        }
        int offset = found.exact() && found.textLine() == line ? column - found.textColumn() : 0;
        return SourceSpan.at(found.line(), Math.max(1, found.column() + offset));
    }

    private List<Segment> currentLine() {
        return lines.get(lines.size() - 1);
    }

    /** Returns the 1-based column in the text at which the next character goes. */
    private int column() {
        int lineStart = text.lastIndexOf("\n") + 1;
        return text.length() - lineStart + 1;
    }

    private void track(char c) {
        if (escaped) {
            escaped = false;
        } else if (inString && c == '\\') {
            escaped = true;
        } else if (c == '"') {
            inString = !inString;
        }
    }
}
