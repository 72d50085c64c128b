package dev.slens.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the {@code primaryLocationLineHash} of every line of a file, with the algorithm that
 * GitHub's {@code codeql-action} upload step applies to results without one (its
 * {@code src/fingerprints.ts}). Uploads through the REST API get no
 * such step, so a log that carries the values is de-duplicated by code scanning either way.
 *
 * <p>The input is the file's text as UTF-16 code units. Spaces and tabs are dropped, and so is
 * an LF that directly follows a CR, and a CR counts as LF. Each remaining unit, followed by the
 * end-of-file marker 65535 and then zeros, enters a window of the last 100 units. The hash of a
 * line is the polynomial {@code sum(c[i] * 37^(99 - i))} over the 100 units starting with the
 * line's first unit, in 64-bit two's-complement arithmetic, written as unsigned lowercase hex
 * without leading zeros. Equal hashes in one file get a counter, so the value is
 * {@code hash:n} for the n-th line of the file with that hash. The marker starts one more line
 * when the text ends with a line break, and an empty text has one line.
 */
final class LineHashes {

    private static final int WINDOW = 100;
    private static final long MULTIPLIER = 37;
    private static final char END_OF_FILE = 65535;
    /** {@code 37^100} modulo {@code 2^64}, the weight of the unit that leaves the window. */
    private static final long OUTGOING_WEIGHT = power(MULTIPLIER, WINDOW);

    private final long[] window = new long[WINDOW];
    /** The line that starts at each window slot, or 0 when no line starts there. */
    private final int[] lineAt = new int[WINDOW];
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final List<String> hashes = new ArrayList<>();
    private long hash;
    private int slot;
    private int lines;
    private boolean atLineStart = true;
    private boolean afterCarriageReturn;

    private LineHashes() {
    }

    /** Returns the value of each line of {@code text}; element 0 belongs to line 1. */
    static List<String> of(CharSequence text) {
        LineHashes state = new LineHashes();
        for (int i = 0; i < text.length(); i++) {
            state.accept(text.charAt(i));
        }
        state.accept(END_OF_FILE);
        for (int i = 0; i < WINDOW; i++) {
            state.emitIfLineStartsHere();
            state.push(0);
        }
        return List.copyOf(state.hashes);
    }

    private void accept(char unit) {
        if (unit == ' ' || unit == '\t' || afterCarriageReturn && unit == '\n') {
            afterCarriageReturn = false;
            return;
        }
        afterCarriageReturn = unit == '\r';
        char normalized = unit == '\r' ? '\n' : unit;

        // The slot about to be overwritten holds the unit pushed 100 units ago, so the window
        // now contains exactly the 100 units that start at that slot's line.
        emitIfLineStartsHere();
        if (atLineStart) {
            atLineStart = false;
            lines++;
            lineAt[slot] = lines;
        }
        if (normalized == '\n') {
            atLineStart = true;
        }
        push(normalized);
    }

    private void emitIfLineStartsHere() {
        if (lineAt[slot] == 0) {
            return;
        }
        String hex = Long.toHexString(hash);
        int occurrence = occurrences.merge(hex, 1, Integer::sum);
        hashes.add(hex + ":" + occurrence);
        lineAt[slot] = 0;
    }

    private void push(long unit) {
        hash = MULTIPLIER * hash + unit - OUTGOING_WEIGHT * window[slot];
        window[slot] = unit;
        slot = (slot + 1) % WINDOW;
    }

    private static long power(long base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
