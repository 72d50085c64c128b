package dev.slens.config;

import dev.slens.AnalyzerConfig;
import dev.slens.engine.PathExcludes;
import dev.slens.load.ServerlessOptions;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings read from one {@code .slens.yml}, already checked against the schema and the
 * registered rules. Relative paths in the file are resolved against its folder.
 *
 * @param file the configuration file, or {@code null} for {@link #EMPTY}
 * @param failOn the {@code fail-on} value ({@code error}, {@code warning}, {@code info} or
 *     {@code none}), or {@code null} when the file does not set it
 * @param enable the selectors under {@code rules.enable}
 * @param disable the selectors under {@code rules.disable}
 * @param severities the severity overrides, keyed by rule ID (aliases already resolved)
 * @param parameters the rule parameter values, keyed by rule ID and then parameter name
 * @param excludes the path excludes
 * @param reasonRequired the {@code suppressions.require-reason} value, or {@code null}
 * @param baseline the baseline file, or {@code null}
 * @param asOf the {@code as-of} date that date-dependent checks treat as today, or {@code null}
 *     when the file does not set it
 * @param serverless the {@code serverless.stage} and {@code serverless.region} values that
 *     Serverless Framework files are resolved with, each {@code null} when the file does not
 *     set it; the environment is never taken from the file
 */
public record ProjectConfig(Path file, String failOn, List<String> enable, List<String> disable,
        Map<String, Severity> severities, Map<String, Map<String, String>> parameters,
        PathExcludes excludes, Boolean reasonRequired, Path baseline, LocalDate asOf,
        ServerlessOptions serverless) {

    /** The settings when there is no configuration file. */
    public static final ProjectConfig EMPTY = new ProjectConfig(null, null, List.of(), List.of(),
            Map.of(), Map.of(), PathExcludes.NONE, null, null, null,
            ServerlessOptions.DEFAULT);

    public ProjectConfig {
        enable = List.copyOf(enable);
        disable = List.copyOf(disable);
        severities = Map.copyOf(severities);
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(excludes, "excludes");
        Objects.requireNonNull(serverless, "serverless");
    }

    /** Copies these settings into {@code builder}, resolving rule selectors over {@code rules}. */
    public AnalyzerConfig.Builder applyTo(AnalyzerConfig.Builder builder,
            List<RuleMetadata> rules) {
        new RuleSelection(rules).decide(enable, disable).forEach(builder::switchRule);
        severities.forEach(builder::severity);
        parameters.forEach((rule, values) -> values.forEach(
                (name, value) -> builder.ruleParameter(rule, name, value)));
        builder.excludes(excludes);
        if (reasonRequired != null) {
            builder.suppressionReasonRequired(reasonRequired);
        }
        if (asOf != null) {
            builder.today(asOf);
        }
        builder.serverless(serverless);
        return builder;
    }
}
