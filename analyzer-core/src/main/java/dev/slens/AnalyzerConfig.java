package dev.slens;

import dev.slens.load.LoadLimits;
import dev.slens.load.ServerlessOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The settings of one analysis: the paths and how to analyze them. Built with {@link #builder()}.
 *
 * @param paths files and folders to analyze
 * @param baseDirectory the folder report paths are relative to, usually the project root
 * @param today the date time-bound checks (runtime deprecation) count as today
 * @param limits bounds on the input files
 * @param threads how many files are analyzed at once
 * @param serverless the stage, region and environment Serverless Framework files are resolved
 *     with
 */
public record AnalyzerConfig(List<Path> paths, Path baseDirectory, LocalDate today,
        LoadLimits limits, int threads, ServerlessOptions serverless) {

    public AnalyzerConfig {
        paths = List.copyOf(paths);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverless, "serverless");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AnalyzerConfig}; every setting but the paths has a default. */
    public static final class Builder {
        private final List<Path> paths = new ArrayList<>();
        private Path baseDirectory = Path.of("").toAbsolutePath();
        private LocalDate today = LocalDate.now();
        private LoadLimits limits = LoadLimits.DEFAULT;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ServerlessOptions serverless = ServerlessOptions.DEFAULT;

        public Builder path(Path path) {
            paths.add(path);
            return this;
        }

        public Builder paths(List<Path> more) {
            paths.addAll(more);
            return this;
        }

        public Builder baseDirectory(Path directory) {
            this.baseDirectory = directory.toAbsolutePath().normalize();
            return this;
        }

        public Builder today(LocalDate date) {
            this.today = date;
            return this;
        }

        public Builder limits(LoadLimits value) {
            this.limits = value;
            return this;
        }

        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        public Builder serverless(ServerlessOptions options) {
            this.serverless = options;
            return this;
        }

        public AnalyzerConfig build() {
            return new AnalyzerConfig(paths, baseDirectory, today, limits, threads, serverless);
        }
    }
}
