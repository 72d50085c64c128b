package dev.slens.config;

import java.util.Collection;
import java.util.Locale;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
public final class ClosestName {

    private ClosestName() {
    }

    /**
     * Returns {@code "; did you mean 'X'?"} for the name in {@code known} with the smallest edit
     * distance to {@code name}, ignoring case, or an empty string when none is within a third
     * of the name's length (at least 2 edits).
     */
    static String hint(String name, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return best != null && bestDistance <= allowed ? "; did you mean '" + best + "'?" : "";
    }

    /**
     * Returns the Levenshtein distance between {@code a} and {@code b}: the fewest insertions,
     * deletions and substitutions that turn one into the other.
     */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
