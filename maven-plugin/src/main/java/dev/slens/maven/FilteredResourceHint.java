package dev.slens.maven;

import dev.slens.AnalysisResult;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hint for a parse error in a file under {@code src/main/resources} that has a Maven property
 * placeholder at or near the error. Such a file is often a template that Maven resource filtering
 * fills in, such as {@code "Timeout": ${lambda.timeout}} in JSON, which does not parse until the
 * {@code process-resources} phase replaces the placeholder.
 */
final class FilteredResourceHint {

    /** The default resources folder of a Maven project, relative to the project folder. */
    static final Path RESOURCES = Path.of("src", "main", "resources");

    /**
     * A placeholder in either of the maven-resources-plugin's default delimiters:
     * {@code ${name}} and {@code @name@}.
     */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{[^}\\s]+}|@[A-Za-z0-9_.-]+@");

    /**
     * Lines before the error line that are searched. A parser often reports an error on the
     * token after the one that broke the syntax, which may be on a later line.
     */
    private static final int LINES_BEFORE = 2;

    private FilteredResourceHint() {
    }

    /**
     * Returns one hint per file under {@code base/src/main/resources} whose parse error has a
     * placeholder on its line, the line after it or the two lines before it, in finding order.
     */
    static List<String> hints(AnalysisResult result, Path base) {
        Path resources = base.resolve(RESOURCES).toAbsolutePath().normalize();
        Set<Path> seen = new LinkedHashSet<>();
        List<String> hints = new ArrayList<>();
        for (Finding finding : result.findings()) {
            Path file = finding.file().path();
            boolean inResources = file != null
                    && file.toAbsolutePath().normalize().startsWith(resources);
            if (!finding.ruleId().equals(EngineChecks.PARSE_ERROR.id()) || !inResources
                    || !seen.add(file)) {
                continue;
            }
            String placeholder = placeholderNear(finding.file().lines(), finding.span().line());
            if (placeholder != null) {
                hints.add(hint(finding.file().displayPath(), placeholder));
            }
        }
        return hints;
    }

    /** Returns the first placeholder near the 1-based {@code line}, or {@code null}. */
    private static String placeholderNear(List<String> lines, int line) {
        int first = Math.max(1, line - LINES_BEFORE);
        int last = Math.min(lines.size(), line + 1);
        for (int number = first; number <= last; number++) {
            Matcher matcher = PLACEHOLDER.matcher(lines.get(number - 1));
            if (matcher.find()) {
                return matcher.group();
            }
        }
        return null;
    }

    private static String hint(String displayPath, String placeholder) {
        return "'" + displayPath + "' has the placeholder '" + placeholder + "' near its parse"
                + " error, so it may be a template that Maven resource filtering fills in."
                + " To analyze the filtered copy, set the paths parameter to target/classes,"
                + " which the process-resources phase writes before verify; to leave the file"
                + " out, add its path to 'exclude' in .slens.yml.";
    }
}
