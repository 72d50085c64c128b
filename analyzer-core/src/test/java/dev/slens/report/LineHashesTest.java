package dev.slens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineHashesTest {

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    @Test
    void emptyTextHasOneLine() {
        assertEquals(List.of("c129715d7a2bc9a3:1"), LineHashes.of(""));
    }

    /** Values that GitHub's implementation gives for these inputs, from its own test suite. */
    @Test
    void matchesPublishedValues() {
        assertEquals(List.of("271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1",
                "a23a3dc5e078b07b:1"), LineHashes.of(" a\nb\n  \t\tc\n d"));
    }

    @Test
    void matchesDirectPolynomial_onConstructedInputs() {
        List<String> inputs = List.of("a", "a\n", "\n\n\n", "Resources:\n  Fn:\n    Type: x\n",
                "x".repeat(250) + "\n" + "y".repeat(30), "café\tnaïve 😀\n€\n",
                "one\r\ntwo\rthree\n\r\nfour", "cr then space\r \nnext",
                "Runtime: nodejs20.x\n".repeat(7), "\uFEFFTransform: x\n");
        for (String input : inputs) {
            assertEquals(expected(input), LineHashes.of(input), input);
        }
    }

    @Test
    void lineBreakStylesGiveEqualHashes() {
        List<String> lf = LineHashes.of("a: 1\nb: 2\n\nc: 3\n");

        assertEquals(lf, LineHashes.of("a: 1\r\nb: 2\r\n\r\nc: 3\r\n"));
        assertEquals(lf, LineHashes.of("a: 1\rb: 2\r\rc: 3\r"));
        assertEquals(lf, LineHashes.of("  a:1\n\tb:   2\n\nc: 3\n"));
    }

    @Test
    void repeatedLinesGetCounters() {
        List<String> hashes = LineHashes.of("Runtime: nodejs20.x\n".repeat(12));

        assertEquals(13, hashes.size());
        String first = hashes.get(0).substring(0, hashes.get(0).indexOf(':'));
        // Each line and the 99 units after it are equal for the first lines, because 100 units
        // reach five lines ahead; the later windows run into the end-of-file marker.
        for (int line = 0; line < 7; line++) {
            assertEquals(first + ":" + (line + 1), hashes.get(line));
        }
        assertNotEquals(first, hashes.get(7).substring(0, hashes.get(7).indexOf(':')));
    }

    /**
     * Computes the values from the definition: drop spaces, tabs and an LF after a CR, map CR
     * to LF, append 65535 and zeros, and evaluate the polynomial over the 100 units that start
     * each line, modulo 2^64.
     */
    private static List<String> expected(String text) {
        List<Integer> units = new ArrayList<>();
        boolean afterCr = false;
        for (char c : text.toCharArray()) {
            if (c == ' ' || c == '\t' || afterCr && c == '\n') {
                afterCr = false;
                continue;
            }
            afterCr = c == '\r';
            units.add(c == '\r' ? (int) '\n' : (int) c);
        }
        units.add(65535);
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < units.size() - 1; i++) {
            if (units.get(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        List<String> values = new ArrayList<>();
        BigInteger base = BigInteger.valueOf(37);
        for (int start : lineStarts) {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < 100; i++) {
                int unit = start + i < units.size() ? units.get(start + i) : 0;
                sum = sum.add(BigInteger.valueOf(unit).multiply(base.pow(99 - i)));
            }
            String hex = sum.mod(TWO_TO_64).toString(16);
            values.add(hex + ":" + counts.merge(hex, 1, Integer::sum));
        }
        return values;
    }
}
