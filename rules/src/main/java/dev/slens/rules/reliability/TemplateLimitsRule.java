package dev.slens.rules.reliability;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "SL9032",
        name = "TemplateLimits",
        summary = "Templates stay within the CloudFormation template quotas",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"*"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "cloudformation-limits.html",
        tags = {"deployment", "limits"})
public final class TemplateLimitsRule implements Rule {

    /** The CloudFormation quota on the number of entries of each top-level section. */
    private static final Map<String, Integer> SECTION_LIMITS = Map.of(
            "Parameters", 200, "Outputs", 200, "Mappings", 200);
    private static final int MAX_RESOURCES = 500;
    private static final int MAX_NAME_LENGTH = 255;
    private static final int MAX_DESCRIPTION_BYTES = 1024;
    private static final int MAX_MAPPING_ATTRIBUTES = 200;
    /** The largest template body CloudFormation reads from an S3 object: 1 MB. */
    private static final long MAX_BODY_BYTES = 1024L * 1024;

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        checkBodySize(context, findings);
        checkResources(context, findings);
        for (Map.Entry<String, Integer> limit : SECTION_LIMITS.entrySet()) {
            MapNode.Entry section = context.template().root().entry(limit.getKey());
            MapNode entries = section == null ? null : section.value().asMap();
            if (entries != null && entries.size() > limit.getValue()) {
                findings.add(context.finding(section.keySpan(), null, "The template declares "
                        + entries.size() + " " + limit.getKey() + ", but CloudFormation accepts"
                        + " at most " + limit.getValue() + "; move some into a nested stack or"
                        + " combine them."));
            }
        }
        for (String name : List.of("Resources", "Parameters", "Outputs", "Mappings")) {
            checkNames(context, name, findings);
        }
        checkMappingAttributes(context, findings);
        Node description = context.template().root().get("Description");
        String text = description == null ? null : description.text();
        if (text != null && text.getBytes(StandardCharsets.UTF_8).length
                > MAX_DESCRIPTION_BYTES) {
            findings.add(context.finding(description.span(), null, "The template Description"
                    + " has " + text.getBytes(StandardCharsets.UTF_8).length + " bytes, but"
                    + " CloudFormation accepts at most " + MAX_DESCRIPTION_BYTES
                    + "; shorten it."));
        }
        return findings;
    }

    /**
     * Measures the template file as written, in UTF-8 with one byte for each line break. A
     * Serverless Framework service is skipped, because the framework writes the template that
     * CloudFormation reads.
     */
    private static void checkBodySize(RuleContext context, List<Finding> findings) {
        TemplateFormat format = context.template().format();
        if (format != TemplateFormat.CLOUDFORMATION && format != TemplateFormat.SAM) {
            return;
        }
        List<String> lines = context.template().file().lines();
        long bytes = Math.max(0, lines.size() - 1);
        for (String line : lines) {
            bytes += line.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BODY_BYTES) {
            findings.add(context.finding(SourceSpan.at(1, 1), null, "The template has " + bytes
                    + " bytes, but CloudFormation accepts a template body of at most "
                    + MAX_BODY_BYTES + " bytes (1 MB) from S3; move resources into a nested"
                    + " stack or shorten long inline values such as ZipFile code."));
        }
    }

    /**
     * Counts the attributes under each top-level key of each mapping, the entries that
     * {@code Fn::FindInMap} selects with its third argument.
     */
    private static void checkMappingAttributes(RuleContext context, List<Finding> findings) {
        MapNode mappings = context.template().root().getMap("Mappings");
        if (mappings == null) {
            return;
        }
        for (MapNode.Entry mapping : mappings.entries()) {
            MapNode keys = mapping.value().asMap();
            if (keys == null) {
                continue;
            }
            for (MapNode.Entry key : keys.entries()) {
                MapNode attributes = key.value().asMap();
                if (attributes != null && attributes.size() > MAX_MAPPING_ATTRIBUTES) {
                    findings.add(context.finding(key.keySpan(), null, "Key '" + key.key()
                            + "' of mapping '" + mapping.key() + "' has " + attributes.size()
                            + " attributes, but CloudFormation accepts at most "
                            + MAX_MAPPING_ATTRIBUTES + " under one key; split the mapping."));
                }
            }
        }
    }

    /** Counts resources after every expansion, as CloudFormation does. */
    private static void checkResources(RuleContext context, List<Finding> findings) {
        int deployed = context.template().resources().size();
        if (deployed <= MAX_RESOURCES) {
            return;
        }
        MapNode.Entry section = context.template().root().entry("Resources");
        SourceSpan at = section == null ? SourceSpan.at(1, 1) : section.keySpan();
        MapNode definitions = section == null ? null : section.value().asMap();
        int written = definitions == null ? deployed : definitions.size();
        String expansion = written == deployed ? ""
                : " (" + written + " as written, expanded by Fn::ForEach, the SAM transform or"
                        + " the Serverless Framework)";
        findings.add(context.finding(at, null, "The template deploys " + deployed
                + " resources" + expansion + ", but CloudFormation accepts at most "
                + MAX_RESOURCES + " in one stack; move some into a nested stack."));
    }

    private static void checkNames(RuleContext context, String sectionName,
            List<Finding> findings) {
        MapNode section = context.template().root().getMap(sectionName);
        if (section == null) {
            return;
        }
        for (MapNode.Entry entry : section.entries()) {
            if (entry.key().length() > MAX_NAME_LENGTH) {
                findings.add(context.finding(entry.keySpan(), null, "The name of an entry of "
                        + sectionName + " has " + entry.key().length() + " characters, but"
                        + " CloudFormation accepts at most " + MAX_NAME_LENGTH + "; shorten"
                        + " '" + entry.key().substring(0, 40) + "...'."));
            }
        }
    }
}
