package dev.slens.maven;

import dev.slens.AnalysisResult;
import dev.slens.AnalyzerConfig;
import dev.slens.AnalyzerException;
import dev.slens.baseline.Baseline;
import dev.slens.config.ConfigException;
import dev.slens.config.ConfigLoader;
import dev.slens.config.ProjectConfig;
import dev.slens.config.RuleSelection;
import dev.slens.rule.RuleMetadata;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Turns the plugin's {@code configFile}, {@code enableRules}, {@code disableRules},
 * {@code baseline}, {@code writeBaseline} and {@code asOf} parameters into analysis settings, as
 * the command line's {@code --config}, {@code --baseline}, {@code --write-baseline} and
 * {@code --as-of} do.
 */
final class ProjectSettings {

    private ProjectSettings() {
    }

    /**
     * Returns the settings of {@code configFile}, resolved against {@code base}, or of the
     * {@code .slens.yml} found from {@code base} up to the git repository root, or none.
     */
    static ProjectConfig load(File configFile, Path base, List<RuleMetadata> rules, Log log)
            throws MojoExecutionException {
        Optional<Path> file = configFile == null ? ConfigLoader.find(base)
                : Optional.of(base.resolve(configFile.toPath()));
        if (file.isEmpty()) {
            return ProjectConfig.EMPTY;
        }
        String display = display(base, file.get());
        log.info("slens: using the configuration " + display);
        try {
            return new ConfigLoader(rules).load(file.get(), display);
        } catch (ConfigException e) {
            throw new MojoExecutionException("Invalid slens configuration:\n  "
                    + String.join("\n  ", e.problems()), e);
        }
    }

    /**
     * Returns the date that {@code asOf}, or its older name {@code today}, sets, or {@code null}
     * when neither is set, so the configuration file's {@code as-of} or the current date applies.
     *
     * @throws MojoExecutionException when a value is not a YYYY-MM-DD date, or the two differ
     */
    static LocalDate asOf(String asOf, String today) throws MojoExecutionException {
        LocalDate date = parseDate("asOf", asOf);
        LocalDate older = parseDate("today", today);
        if (date != null && older != null && !date.equals(older)) {
            throw new MojoExecutionException("asOf '" + asOf.strip() + "' and today '"
                    + today.strip() + "' give different dates; set only asOf");
        }
        return date != null ? date : older;
    }

    private static LocalDate parseDate(String name, String value)
            throws MojoExecutionException {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new MojoExecutionException("Invalid " + name + " '" + value
                    + "', expected a date in the form YYYY-MM-DD, such as 2026-12-04", e);
        }
    }

    /**
     * Switches the rules that {@code enable} and {@code disable} select on or off, over what the
     * configuration file set.
     */
    static void switchRules(AnalyzerConfig.Builder builder, List<RuleMetadata> rules,
            List<String> enable, List<String> disable) throws MojoExecutionException {
        try {
            new RuleSelection(rules).decide(nonNull(enable), nonNull(disable))
                    .forEach(builder::switchRule);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Invalid enableRules or disableRules: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the baseline when {@code writeBaseline} is set, then compares {@code result} with
     * the baseline in use: {@code writeBaseline}, else {@code baseline}, else the configuration's.
     */
    static AnalysisResult applyBaseline(AnalysisResult result, Path base, File writeBaseline,
            File baseline, ProjectConfig config, Log log) throws MojoExecutionException {
        try {
            if (writeBaseline != null) {
                Path file = base.resolve(writeBaseline.toPath());
                int written = Baseline.write(result, file);
                log.info("slens: wrote " + written + " findings to the baseline "
                        + display(base, file));
                return Baseline.read(file).apply(result);
            }
            Path file = baseline != null ? base.resolve(baseline.toPath()) : config.baseline();
            if (file != null && !Files.exists(file)) {
                throw new MojoExecutionException("Baseline file not found: '"
                        + display(base, file) + "'; write it once with -Dslens.writeBaseline="
                        + display(base, file) + ", such as mvn verify -Dslens.writeBaseline="
                        + display(base, file) + ", and commit it");
            }
            return file == null ? result : Baseline.read(file).apply(result);
        } catch (AnalyzerException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static List<String> nonNull(List<String> selectors) {
        return selectors == null ? List.of()
                : selectors.stream().filter(s -> s != null && !s.isBlank()).toList();
    }

    private static String display(Path base, Path file) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        Path absolute = file.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(absoluteBase) ? absoluteBase.relativize(absolute)
                : absolute;
        return shown.toString().replace('\\', '/');
    }
}
