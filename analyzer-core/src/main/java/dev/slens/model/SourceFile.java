package dev.slens.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

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

    /** Compares every component, as the generated method does; see {@link RecordHash}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceFile file && Objects.equals(path, file.path)
                && Objects.equals(displayPath, file.displayPath)
                && Objects.equals(lines, file.lines);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(path, displayPath, lines);
    }
}
