package dev.slens;

import dev.slens.engine.PathExcludes;
import dev.slens.load.LoadLimits;
import dev.slens.load.ServerlessOptions;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The settings of one analysis: the paths and how to analyze them. Built with {@link #builder()}.
 *
 * @param paths files and folders to analyze
 * @param baseDirectory the folder report paths are relative to, usually the project root
 * @param today the date time-bound checks (runtime deprecation) count as today
 * @param limits bounds on the input files
 * @param threads how many files are analyzed at once
 * @param ruleParameters parameter values set for rules, keyed by rule ID, then parameter name
 * @param enabledRules IDs of rules switched on, including rules that are off by default
 * @param disabledRules IDs of rules switched off, which win over {@code enabledRules}
 * @param severityOverrides the severity every finding of a rule gets, keyed by rule ID
 * @param excludes the files that folder walks leave out
 * @param suppressionReasonRequired whether a suppression in slens's own form needs a reason
 *     to apply
 * @param serverless the stage, region and environment Serverless Framework files are resolved
 *     with
 */
public record AnalyzerConfig(List<Path> paths, Path baseDirectory, LocalDate today,
        LoadLimits limits, int threads, Map<String, Map<String, String>> ruleParameters,
        Set<String> enabledRules, Set<String> disabledRules,
        Map<String, Severity> severityOverrides, PathExcludes excludes,
        boolean suppressionReasonRequired, ServerlessOptions serverless) {

    public AnalyzerConfig {
        paths = List.copyOf(paths);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(serverless, "serverless");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        ruleParameters.forEach((rule, values) -> copy.put(rule, Map.copyOf(values)));
        ruleParameters = Collections.unmodifiableMap(copy);
        enabledRules = Set.copyOf(enabledRules);
        disabledRules = Set.copyOf(disabledRules);
        severityOverrides = Map.copyOf(severityOverrides);
        Objects.requireNonNull(excludes, "excludes");
    }

    /**
     * Returns whether the rule described by {@code rule} runs. A disabled rule never runs, an
     * enabled one does, and any other follows its {@code enabledByDefault} metadata.
     */
    public boolean runs(RuleMetadata rule) {
        if (disabledRules.contains(rule.id())) {
            return false;
        }
        return enabledRules.contains(rule.id()) || rule.enabledByDefault();
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
        private final Map<String, Map<String, String>> ruleParameters = new LinkedHashMap<>();
        private final Set<String> enabledRules = new LinkedHashSet<>();
        private final Set<String> disabledRules = new LinkedHashSet<>();
        private final Map<String, Severity> severityOverrides = new LinkedHashMap<>();
        private PathExcludes excludes = PathExcludes.NONE;
        private boolean suppressionReasonRequired = true;
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

        /** Sets the value of parameter {@code name} of rule {@code ruleId}. */
        public Builder ruleParameter(String ruleId, String name, String value) {
            ruleParameters.computeIfAbsent(ruleId, id -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Switches on the rule {@code ruleId}, also when it is off by default. */
        public Builder enableRule(String ruleId) {
            enabledRules.add(ruleId);
            return this;
        }

        /** Switches off the rule {@code ruleId}. */
        public Builder disableRule(String ruleId) {
            disabledRules.add(ruleId);
            return this;
        }

        public Builder serverless(ServerlessOptions options) {
            this.serverless = options;
            return this;
        }

        /**
         * Switches the rule {@code ruleId} on or off, replacing what an earlier call of this
         * method, {@link #enableRule} or {@link #disableRule} set for it. Later settings, such
         * as command-line options after a configuration file, override earlier ones this way.
         */
        public Builder switchRule(String ruleId, boolean enabled) {
            enabledRules.remove(ruleId);
            disabledRules.remove(ruleId);
            (enabled ? enabledRules : disabledRules).add(ruleId);
            return this;
        }

        /** Gives every finding of rule {@code ruleId} the severity {@code severity}. */
        public Builder severity(String ruleId, Severity severity) {
            severityOverrides.put(ruleId, severity);
            return this;
        }

        /** Sets the files that folder walks leave out. */
        public Builder excludes(PathExcludes value) {
            this.excludes = value;
            return this;
        }

        /**
         * Sets whether a suppression in slens's own form needs a reason to apply. Default: yes.
         */
        public Builder suppressionReasonRequired(boolean required) {
            this.suppressionReasonRequired = required;
            return this;
        }

        public AnalyzerConfig build() {
            return new AnalyzerConfig(paths, baseDirectory, today, limits, threads,
                    ruleParameters, enabledRules, disabledRules, severityOverrides, excludes,
                    suppressionReasonRequired, serverless);
        }
    }
}
