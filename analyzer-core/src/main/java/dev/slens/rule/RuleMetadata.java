package dev.slens.rule;

import java.util.List;

/** The metadata of one rule as a value, for rules and for the engine's own checks alike. */
public record RuleMetadata(String id, String name, String summary, Severity severity,
        Pillar pillar, List<String> resourceTypes, String since, String sourceUrl,
        List<String> tags, List<String> aliases, boolean enabledByDefault) {

    public RuleMetadata {
        resourceTypes = List.copyOf(resourceTypes);
        tags = List.copyOf(tags);
        aliases = List.copyOf(aliases);
    }

    /** Reads the {@link RuleInfo} annotation of {@code type}. */
    public static RuleMetadata of(Class<?> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalArgumentException(type.getName() + " has no @RuleInfo annotation");
        }
        return new RuleMetadata(info.id(), info.name(), info.summary(), info.severity(),
                info.pillar(), List.of(info.resourceTypes()), info.since(), info.sourceUrl(),
                List.of(info.tags()), List.of(info.aliases()), info.enabledByDefault());
    }
}
