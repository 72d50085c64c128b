package dev.slens.cli;

import dev.slens.AnalysisResult;
import dev.slens.AnalyzerException;
import dev.slens.baseline.Baseline;
import dev.slens.config.ConfigLoader;
import dev.slens.config.ProjectConfig;
import dev.slens.model.SourceFile;
import dev.slens.rule.RuleMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --config}, {@code --baseline} and {@code --write-baseline} options of
 * {@code slens scan}, and the project settings they lead to.
 */
public final class ConfigOptions {

    private final OptionSpec configOption = CommandSpecs.option(Path.class, "FILE",
            "Configuration file to use. Default: the " + ConfigLoader.FILE_NAME + " in the"
                    + " folder of the first PATH or in the nearest parent folder, up to the root"
                    + " of the git repository.", "--config");

    private final OptionSpec baselineOption = CommandSpecs.option(Path.class, "FILE",
            "Baseline file written by --write-baseline. Findings it records are marked"
                    + " unchanged, left out of the text report and never change the exit code."
                    + " Default: 'baseline' in the configuration file.", "--baseline");

    private final OptionSpec writeBaselineOption = CommandSpecs.option(Path.class, "FILE",
            "Records every finding that is not suppressed in FILE, replacing it, and compares"
                    + " this scan against it, so only processing errors change the exit code.",
            "--write-baseline");

    /** Returns the options as a picocli mixin, for {@link CommandSpec#addMixin}. */
    CommandSpec mixin() {
        return CommandSpec.create().addOption(configOption).addOption(baselineOption)
                .addOption(writeBaselineOption);
    }

    /**
     * Returns the settings of the configuration file: the one given with {@code --config}, else
     * the one found from {@code firstPath}, else {@link ProjectConfig#EMPTY}.
     *
     * @throws dev.slens.config.ConfigException when the file has mistakes
     */
    ProjectConfig load(Path firstPath, List<RuleMetadata> rules, Logger log) {
        Optional<Path> file = configFile() != null ? Optional.of(configFile())
                : ConfigLoader.find(firstPath);
        if (file.isEmpty()) {
            return ProjectConfig.EMPTY;
        }
        log.info("Using the configuration '{}'", display(file.get()));
        return new ConfigLoader(rules).load(file.get(), display(file.get()));
    }

    /**
     * Checks that the folder of {@code --write-baseline} exists and accepts new files, so a
     * wrong path fails before the scan with the reason, and that {@code --baseline} is not given
     * with it.
     */
    void validateWriteBaseline() {
        if (writeBaselineFile() != null && baselineFile() != null) {
            throw new AnalyzerException("--write-baseline and --baseline are both given, but a"
                    + " scan that writes a baseline compares against the new one; leave out"
                    + " --baseline");
        }
        if (writeBaselineFile() != null) {
            ReportTargets.validateFile(writeBaselineFile());
        }
    }

    /** Returns the {@code --write-baseline} file, or {@code null} when it is not given. */
    Path writeBaselineFile() {
        return writeBaselineOption.getValue();
    }

    /**
     * Writes the baseline when {@code --write-baseline} is given, then compares
     * {@code result} with the baseline in use, if any.
     *
     * @throws AnalyzerException when the baseline cannot be read or written
     */
    AnalysisResult applyBaseline(AnalysisResult result, ProjectConfig config, Logger log) {
        if (writeBaselineFile() != null) {
            checkNotAnalyzed(result.files());
            int written = Baseline.write(result, writeBaselineFile());
            log.info("Wrote {} findings to the baseline '{}'", written, writeBaselineFile());
            return Baseline.read(writeBaselineFile()).apply(result);
        }
        Path file = baselineFile() != null ? baselineFile() : config.baseline();
        if (file == null) {
            return result;
        }
        return Baseline.read(file).apply(result);
    }

    /** Rejects a {@code --write-baseline} file that is one of the templates just analyzed. */
    private void checkNotAnalyzed(List<SourceFile> analyzed) {
        Path target = writeBaselineFile().toAbsolutePath().normalize();
        for (SourceFile file : analyzed) {
            if (file.path().toAbsolutePath().normalize().equals(target)) {
                throw new AnalyzerException("baseline '" + writeBaselineFile() + "' would overwrite"
                        + " the analyzed template; write it to another file");
            }
        }
    }

    private Path configFile() {
        return configOption.getValue();
    }

    private Path baselineFile() {
        return baselineOption.getValue();
    }

    /** Returns {@code file} relative to the current folder when it is below it. */
    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path current = Path.of("").toAbsolutePath();
        Path shown = absolute.startsWith(current) ? current.relativize(absolute) : absolute;
        return shown.toString().replace('\\', '/');
    }
}
