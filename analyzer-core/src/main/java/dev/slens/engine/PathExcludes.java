package dev.slens.engine;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;
import java.util.regex.PatternSyntaxException;

/**
 * Glob patterns of files that folder walks leave out, matched against the path relative to
 * {@code root} with forward slashes. The syntax is that of {@link java.nio.file.FileSystem
 * #getPathMatcher}: {@code *} matches within one folder name, {@code **} across folders. A
 * pattern that matches a folder leaves out everything below it, so {@code tests} and
 * {@code tests/**} both leave out the {@code tests} folder.
 *
 * @param root the folder the patterns are relative to, such as the one holding
 *     {@code .slens.yml}
 * @param globs the patterns as written
 */
public record PathExcludes(Path root, List<String> globs) {

    /** Leaves out nothing. */
    public static final PathExcludes NONE = new PathExcludes(Path.of(""), List.of());

    public PathExcludes {
        root = root.toAbsolutePath().normalize();
        globs = List.copyOf(globs);
        for (String glob : globs) {
            Objects.requireNonNull(glob, "glob");
        }
    }

    /**
     * Checks that every pattern compiles.
     *
     * @throws IllegalArgumentException naming the first pattern that does not
     */
    public void validate() {
        for (String glob : globs) {
            matcher(glob);
        }
    }

    /** Returns whether {@code path}, a file or folder, is left out. */
    public boolean excludes(Path path) {
        if (globs.isEmpty()) {
            return false;
        }
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root) || absolute.equals(root)) {
            return false;
        }
        Path relative = Path.of(root.relativize(absolute).toString().replace('\\', '/'));
        for (String glob : globs) {
            if (matcher(glob).matches(relative)) {
                return true;
            }
        }
        return false;
    }

    private static PathMatcher matcher(String glob) {
        String pattern = glob.strip();
        while (pattern.startsWith("./")) {
            pattern = pattern.substring(2);
        }
        if (pattern.endsWith("/")) {
            pattern = pattern.substring(0, pattern.length() - 1);
        }
        try {
            return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid glob '" + glob + "': "
                    + e.getDescription(), e);
        }
    }
}
