package dev.slens.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A file that was read: its real path, the path reports show (relative to where the scan
 * started, with forward slashes), and its lines for code snippets.
 */
public record SourceFile(Path path, String displayPath, List<String> lines) {

    public SourceFile {
        lines = List.copyOf(lines);
    }

    /** Returns line {@code number} (1-based) without its line break, or "" when out of range. */
    public String line(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }
}
