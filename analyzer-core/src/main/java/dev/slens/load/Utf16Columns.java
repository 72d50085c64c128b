package dev.slens.load;

import dev.slens.model.SourceSpan;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;

/**
 * Converts SnakeYAML marks into spans whose columns count UTF-16 code units, as Jackson's JSON
 * columns and SARIF's {@code utf16CodeUnits} column kind do. SnakeYAML counts Unicode code
 * points, so the two differ only after a character outside the Basic Multilingual Plane, such as
 * an emoji. In a file without such a character, columns are copied unchanged.
 */
final class Utf16Columns {

    private final List<String> lines;
    private final boolean hasSurrogates;

    Utf16Columns(List<String> lines) {
        this.lines = lines;
        this.hasSurrogates = lines.stream().anyMatch(Utf16Columns::hasSurrogate);
    }

    /** Returns the 1-based span from {@code start} to {@code end}; {@code end} may be null. */
    SourceSpan span(Mark start, Mark end) {
        if (start == null) {
            return SourceSpan.NONE;
        }
        if (end == null) {
            return at(start);
        }
        return new SourceSpan(start.getLine() + 1, column(start), end.getLine() + 1, column(end));
    }

    /** Returns the 1-based point of {@code mark}, or {@link SourceSpan#NONE} when it is null. */
    SourceSpan at(Mark mark) {
        return mark == null ? SourceSpan.NONE : SourceSpan.at(mark.getLine() + 1, column(mark));
    }

    /** Returns the 1-based UTF-16 column of {@code mark}. */
    private int column(Mark mark) {
        int codePoints = mark.getColumn();
        int line = mark.getLine();
        if (!hasSurrogates || line < 0 || line >= lines.size()) {
            return codePoints + 1;
        }
        String text = lines.get(line);
        int available = text.codePointCount(0, text.length());
        if (codePoints > available) {
            return text.length() + (codePoints - available) + 1;
        }
        return text.offsetByCodePoints(0, codePoints) + 1;
    }

    private static boolean hasSurrogate(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isSurrogate(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
