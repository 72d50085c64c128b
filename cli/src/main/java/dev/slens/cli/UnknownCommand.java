package dev.slens.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Describes a first argument that names no subcommand: the word, the subcommands close to it,
 * and, when the word is an existing file or folder, the scan command that analyzes it.
 */
final class UnknownCommand {

    /** Largest edit distance at which a subcommand still counts as a misspelling of a word. */
    private static final int MAX_DISTANCE = 2;

    private UnknownCommand() {
    }

    /** Returns the {@code error:} text for {@code word}, without the "error: " prefix. */
    static String message(String word, Collection<String> commands) {
        String problem = "unknown command '" + word + "'";
        List<String> closeCommands = closest(word, commands);
        if (!closeCommands.isEmpty()) {
            return problem + " (did you mean '" + String.join("' or '", closeCommands) + "'?)";
        }
        if (isExistingPath(word) && commands.contains("scan")) {
            return problem + "; to analyze that path, run 'slens scan " + word + "'";
        }
        return problem;
    }

    /**
     * Returns the commands that start with {@code word}, or else those at the smallest edit
     * distance from it, when that distance is at most {@link #MAX_DISTANCE} and below half the
     * word's length, so that a short unrelated word matches nothing.
     */
    static List<String> closest(String word, Collection<String> commands) {
        String typed = word.toLowerCase(Locale.ROOT);
        List<String> prefixed = commands.stream()
                .filter(command -> typed.length() >= 2 && command.startsWith(typed)).toList();
        if (!prefixed.isEmpty()) {
            return prefixed;
        }
        int limit = Math.min(MAX_DISTANCE, (typed.length() - 1) / 2);
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String command : commands) {
            int distance = distance(typed, command);
            if (distance > limit || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            closest.add(command);
        }
        return closest;
    }

    /**
     * Returns the optimal string alignment distance: the smallest number of single-character
     * insertions, deletions, substitutions and swaps of adjacent characters that turn
     * {@code a} into {@code b}, so that "scna" is one step from "scan".
     */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + cost);
                boolean swapped = i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
                        && a.charAt(i - 2) == b.charAt(j - 1);
                if (swapped) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static boolean isExistingPath(String word) {
        try {
            return Files.exists(Path.of(word));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
