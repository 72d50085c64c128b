package dev.slens.load;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * A SnakeYAML {@link StreamReader} over text that is already in memory, holding all its code
 * points in one array.
 *
 * <p>SnakeYAML 2.5's own reader refills its window 1,024 characters at a time and copies the
 * whole window from the start of the current token on each refill, so scanning one token of n
 * characters costs about n²/2,048 copied code points: a 5 MB single-line value took over 30
 * seconds. Indexing one array built once makes the scan linear. The array costs four bytes per
 * code point, 64 MB for a file at the 16 MiB limit.
 *
 * <p>The methods keep the behaviour of SnakeYAML 2.5's reader: lines and columns are counted in
 * code points, a byte order mark takes no column, and a character YAML does not allow raises a
 * {@link ReaderException} with its code point index once the scanner comes near it.
 */
final class InMemoryStreamReader extends StreamReader {

    /** How far ahead of the scanner characters are checked, as SnakeYAML checks each refill. */
    private static final int CHECK_CHUNK = 1024;
    private static final String NAME = "'string'";

    private final int[] codePoints;
    private int pointer;
    private int checkedUpTo;
    private int documentIndex;
    private int line;
    private int column;

    InMemoryStreamReader(String text) {
        super(new StringReader(""));
        this.codePoints = text.codePoints().toArray();
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, pointer, line, column, codePoints, pointer);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && available(0); i++) {
            int c = codePoints[pointer++];
            documentIndex++;
            boolean lineBreak = Constant.LINEBR.has(c)
                    || c == '\r' && available(0) && codePoints[pointer] != '\n';
            if (lineBreak) {
                line++;
                column = 0;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int index) {
        return available(index) ? codePoints[pointer + index] : '\0';
    }

    @Override
    public String prefix(int length) {
        int end = (int) Math.min((long) pointer + length, codePoints.length);
        if (length == 0 || end <= pointer) {
            return "";
        }
        available(end - pointer - 1);
        return new String(codePoints, pointer, end - pointer);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return pointer;
    }

    @Override
    public int getLine() {
        return line;
    }

    /**
     * Returns whether a code point exists {@code offset} places past the current one, first
     * checking that every code point up to it is allowed in YAML.
     */
    private boolean available(int offset) {
        long target = (long) pointer + offset;
        if (target >= codePoints.length) {
            check(codePoints.length);
            return false;
        }
        if (target >= checkedUpTo) {
            check((int) Math.min(codePoints.length, target + CHECK_CHUNK));
        }
        return true;
    }

    private void check(int end) {
        for (int i = checkedUpTo; i < end; i++) {
            if (!StreamReader.isPrintable(codePoints[i])) {
                throw new ReaderException(NAME, i, codePoints[i],
                        "special characters are not allowed");
            }
        }
        checkedUpTo = Math.max(checkedUpTo, end);
    }
}
