package dev.slens.internal.packages;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * Decides which files of a folder go into a package, from glob patterns applied in order as
 * the Serverless Framework applies {@code package.patterns}: every file starts included, a
 * pattern includes the files it matches, and a pattern that starts with {@code !} excludes
 * them, so a later pattern wins. Patterns match paths relative to the folder, with {@code /}
 * between names; {@code *} stays within one name and {@code **} spans folders, including none
 * at the start of a pattern.
 */
final class PackageFilter {

    private record Step(boolean include, List<PathMatcher> matchers) { }

    private final List<Step> steps;

    private PackageFilter(List<Step> steps) {
        this.steps = steps;
    }

    /**
     * Compiles {@code patterns}.
     *
     * @throws IllegalArgumentException naming the pattern when one is not a valid glob
     */
    static PackageFilter of(List<String> patterns) {
        List<Step> steps = new ArrayList<>();
        for (String pattern : patterns) {
            boolean include = !pattern.startsWith("!");
            String glob = include ? pattern : pattern.substring(1);
            List<PathMatcher> matchers = new ArrayList<>();
            try {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
                if (glob.startsWith("**/")) {
                    matchers.add(FileSystems.getDefault().getPathMatcher(
                            "glob:" + glob.substring(3)));
                }
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("pattern '" + pattern
                        + "' is not a valid glob: " + e.getDescription(), e);
            }
            steps.add(new Step(include, matchers));
        }
        return new PackageFilter(List.copyOf(steps));
    }

    /** Returns whether the file at {@code relative}, a path inside the folder, is packaged. */
    boolean includes(Path relative) {
        boolean included = true;
        for (Step step : steps) {
            if (included != step.include() && matches(step, relative)) {
                included = step.include();
            }
        }
        return included;
    }

    private static boolean matches(Step step, Path relative) {
        for (PathMatcher matcher : step.matchers()) {
            if (matcher.matches(relative)) {
                return true;
            }
        }
        return false;
    }
}
