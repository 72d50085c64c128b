package dev.slens.rule;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The metadata of one rule as a value, for rules and for the engine's own checks alike.
 *
 * @param parameters the settings users may change, each with its default
 * @param securitySeverity the declared GitHub {@code security-severity} score, such as
 *     {@code "7.5"}, or "" when the score is derived from the severity
 */
public record RuleMetadata(String id, String name, String summary, Severity severity,
        Pillar pillar, List<String> resourceTypes, String since, String sourceUrl,
        List<String> tags, List<String> aliases, boolean enabledByDefault,
        List<Parameter> parameters, String securitySeverity) {

    /** A score as GitHub reads it: 0.1 to 10.0 with at most one decimal. */
    private static final Pattern SCORE = Pattern.compile("(10(\\.0)?|\\d(\\.\\d)?)");

    /**
     * The metadata read from each class's {@link RuleInfo}. {@link Rule#metadata()} is called
     * for every rule when the registry sorts the rules and again for every template, and
     * reading the annotation anew each time made a new copy of every value.
     */
    private static final ClassValue<RuleMetadata> DECLARED = new ClassValue<>() {
        @Override
        protected RuleMetadata computeValue(Class<?> type) {
            return read(type);
        }
    };

    /**
     * A declared rule setting.
     *
     * @param name the name written in the configuration
     * @param defaultValue the value used when the configuration sets none
     * @param description what the value means and its unit
     * @param min the smallest value accepted, for a whole-number parameter
     * @param max the largest value accepted, for a whole-number parameter
     */
    public record Parameter(String name, String defaultValue, String description, long min,
            long max) {

        /** Creates a parameter whose whole-number values range from 0 to the largest int. */
        public Parameter(String name, String defaultValue, String description) {
            this(name, defaultValue, description, 0, Integer.MAX_VALUE);
        }

        /** Returns whether {@code value} is within the accepted range. */
        public boolean accepts(long value) {
            return value >= min && value <= max;
        }
    }

    public RuleMetadata {
        resourceTypes = List.copyOf(resourceTypes);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
        securitySeverity = securitySeverity == null ? "" : securitySeverity;
        if (!securitySeverity.isEmpty() && (!SCORE.matcher(securitySeverity).matches()
                || Double.parseDouble(securitySeverity) < 0.1)) {
            throw new IllegalArgumentException("rule " + id + " has the invalid security severity '"
                    + securitySeverity + "'; write a number from 0.1 to 10.0 such as \"7.5\"");
        }
    }

    /** Creates the metadata of a rule whose security severity is derived from its severity. */
    public RuleMetadata(String id, String name, String summary, Severity severity,
            Pillar pillar, List<String> resourceTypes, String since, String sourceUrl,
            List<String> tags, List<String> aliases, boolean enabledByDefault,
            List<Parameter> parameters) {
        this(id, name, summary, severity, pillar, resourceTypes, since, sourceUrl, tags, aliases,
                enabledByDefault, parameters, "");
    }

    /** Creates the metadata of a rule without parameters. */
    public RuleMetadata(String id, String name, String summary, Severity severity,
            Pillar pillar, List<String> resourceTypes, String since, String sourceUrl,
            List<String> tags, List<String> aliases, boolean enabledByDefault) {
        this(id, name, summary, severity, pillar, resourceTypes, since, sourceUrl, tags, aliases,
                enabledByDefault, List.of());
    }

    /** Returns the parameter called {@code parameterName}, if the rule declares one. */
    public Optional<Parameter> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /**
     * Returns a copy of this metadata whose default severity is {@code newSeverity}. A declared
     * security severity is kept only when the severity does not change, so that a severity set in
     * the configuration also decides the score.
     */
    public RuleMetadata withSeverity(Severity newSeverity) {
        return new RuleMetadata(id, name, summary, newSeverity, pillar, resourceTypes, since,
                sourceUrl, tags, aliases, enabledByDefault, parameters,
                newSeverity == severity ? securitySeverity : "");
    }

    /**
     * Returns the metadata that the {@link RuleInfo} annotation of {@code type} declares. The
     * annotation is read once per class.
     *
     * @throws IllegalArgumentException when {@code type} has no {@link RuleInfo}
     */
    public static RuleMetadata of(Class<?> type) {
        return DECLARED.get(type);
    }

    private static RuleMetadata read(Class<?> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " has no @RuleInfo annotation");
        }
        List<Parameter> parameters = Arrays.stream(info.parameters())
                .map(p -> new Parameter(p.name(), p.defaultValue(), p.description(), p.min(),
                        p.max()))
                .toList();
        return new RuleMetadata(info.id(), info.name(), info.summary(), info.severity(),
                info.pillar(), List.of(info.resourceTypes()), info.since(), info.sourceUrl(),
                List.of(info.tags()), List.of(info.aliases()), info.enabledByDefault(),
                parameters, info.securitySeverity());
    }
}
