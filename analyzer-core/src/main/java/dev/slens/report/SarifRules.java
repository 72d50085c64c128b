package dev.slens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.rule.AliasTools;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.util.LinkedHashSet;
import java.util.Set;

/** Builds the SARIF {@code reportingDescriptor} of each rule and maps severities to levels. */
final class SarifRules {

    /** GitHub code scanning rejects a rule with more than 20 tags. */
    static final int MAX_TAGS = 20;

    /** GitHub code scanning rejects a short or full description longer than this. */
    static final int MAX_DESCRIPTION = 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifRules() {
    }

    /** Returns the SARIF level of {@code severity}: error, warning or note. */
    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * Returns the GitHub {@code security-severity} score of a security rule, as the string GitHub
     * requires: 8.0 (high) for errors and 5.5 (medium) for warnings. Info-level rules get
     * {@code null}, so GitHub shows them as notes.
     */
    static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "8.0";
            case WARNING -> "5.5";
            case INFO -> null;
        };
    }

    /**
     * Returns the {@code security-severity} score of security rule {@code rule}: the score it
     * declares, or else the one {@link #securitySeverity(Severity)} derives from its severity.
     */
    static String securitySeverity(RuleMetadata rule) {
        return rule.securitySeverity().isEmpty()
                ? securitySeverity(rule.severity()) : rule.securitySeverity();
    }

    /** Returns GitHub's {@code problem.severity} for rules without a security severity. */
    static String problemSeverity(Severity severity) {
        return severity == Severity.INFO ? "recommendation" : level(severity);
    }

    /**
     * Builds the descriptor of {@code rule}. The full description is the first paragraph of
     * the rule's documentation under {@code Why}, and the help is the whole documentation, both
     * taken from {@code rule-docs/<ID>.md} on the class path. A rule without that file, such as
     * an engine check, gets its summary in both.
     */
    static ObjectNode descriptor(RuleMetadata rule) {
        ObjectNode descriptor = NODES.objectNode();
        descriptor.put("id", rule.id());
        descriptor.put("name", rule.name());
        String summary = nonBlank(rule.summary(), rule.name());
        descriptor.putObject("shortDescription").put("text", summary);
        RuleDocs docs = RuleDocs.load(rule.id());
        String rationale = docs == null ? "" : MarkdownText.paragraph(docs.rationale());
        descriptor.putObject("fullDescription").put("text", rationale.isEmpty()
                ? sentence(summary) : truncate(rationale, MAX_DESCRIPTION));
        boolean hasUrl = rule.sourceUrl() != null && !rule.sourceUrl().isBlank();
        String prose = docs == null ? sentence(summary)
                : sentence(summary) + "\n\n" + docs.markdown();
        ObjectNode help = descriptor.putObject("help");
        help.put("text", MarkdownText.plain(prose)
                + (hasUrl ? "\n\nReference: " + rule.sourceUrl() : ""));
        help.put("markdown", prose + (hasUrl ? "\n\nReference: <" + rule.sourceUrl() + ">" : ""));
        if (hasUrl) {
            descriptor.put("helpUri", rule.sourceUrl());
        }
        descriptor.putObject("defaultConfiguration").put("level", level(rule.severity()));
        descriptor.set("properties", properties(rule));
        return descriptor;
    }

    /**
     * Returns {@code text} cut after its last sentence that ends within {@code max} characters,
     * or cut at {@code max - 1} characters with an ellipsis when no sentence ends in time.
     */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = text.lastIndexOf(". ", max - 1);
        return end > 0 ? text.substring(0, end + 1) : text.substring(0, max - 1) + "\u2026";
    }

    private static ObjectNode properties(RuleMetadata rule) {
        ObjectNode properties = NODES.objectNode();
        ArrayNode tags = properties.putArray("tags");
        tags(rule).forEach(tags::add);
        // NOTE: RuleMetadata has no precision yet, so every rule reports "high" until it does.
        properties.put("precision", "high");
        String score = rule.pillar() == Pillar.SECURITY ? securitySeverity(rule) : null;
        if (score != null) {
            properties.put("security-severity", score);
        } else {
            properties.put("problem.severity", problemSeverity(rule.severity()));
        }
        if (!rule.aliases().isEmpty()) {
            ArrayNode aliases = properties.putArray("aliases");
            rule.aliases().forEach(aliases::add);
            ObjectNode aliasTools = properties.putObject("aliasTools");
            AliasTools.toolsOf(rule.aliases()).forEach(aliasTools::put);
        }
        return properties;
    }

    /** Returns the pillar tag followed by the rule's own tags, without repeats, at most 20. */
    static Set<String> tags(RuleMetadata rule) {
        Set<String> tags = new LinkedHashSet<>();
        if (rule.pillar() != null) {
            tags.add(rule.pillar().packageName());
        }
        for (String tag : rule.tags()) {
            if (tags.size() == MAX_TAGS) {
                break;
            }
            if (tag != null && !tag.isBlank()) {
                tags.add(tag);
            }
        }
        return tags;
    }

    private static String nonBlank(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
