package dev.slens.load;

import dev.slens.model.SourceSpan;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * For each line with a surrogate that a mark has been on so far, the code point columns of
     * its characters outside the Basic Multilingual Plane, in order. A column is then found by a
     * binary search, so many marks on one long line cost no more than a few marks.
     */
    private final Map<Integer, int[]> supplementaryColumns = new HashMap<>();

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
        int[] supplementary = supplementaryColumns.computeIfAbsent(line,
                number -> supplementaryColumns(lines.get(number)));
        int found = Arrays.binarySearch(supplementary, codePoints);
        // Each such character before the mark takes one more UTF-16 unit than code points.
        int before = found >= 0 ? found : -found - 1;
        return codePoints + before + 1;
    }

    private static int[] supplementaryColumns(String line) {
        int[] codePoints = line.codePoints().toArray();
        int count = 0;
        for (int codePoint : codePoints) {
            if (Character.isSupplementaryCodePoint(codePoint)) {
                count++;
            }
        }
        int[] columns = new int[count];
        int next = 0;
        for (int column = 0; column < codePoints.length; column++) {
            if (Character.isSupplementaryCodePoint(codePoints[column])) {
                columns[next++] = column;
            }
        }
        return columns;
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
