package dev.slens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.AliasTools;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.io.IOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes slens's own JSON report, whose schema {@code docs/report-formats.md} documents. Within
 * one {@link #SCHEMA_VERSION}, fields are only added. Renaming or removing a field, or changing
 * its meaning, raises the version. Positions that are not known are {@code null}.
 */
public final class JsonReportWriter implements ReportWriter {

    /** The version of the report schema, written as {@code schemaVersion}. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectWriter json = ReportJson.prettyWriter();

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        json.writeValue(out, report(result));
        out.write('\n');
        out.flush();
    }

    /** Builds the whole report as a JSON tree. */
    ObjectNode report(AnalysisResult result) {
        ObjectNode report = NODES.objectNode();
        report.put("schemaVersion", SCHEMA_VERSION);
        ObjectNode tool = report.putObject("tool");
        tool.put("name", "slens");
        tool.put("version", result.toolVersion());

        ArrayNode files = report.putArray("files");
        for (SourceFile file : result.files()) {
            files.add(ReportPaths.normalize(file.displayPath()));
        }
        ArrayNode skipped = report.putArray("skipped");
        result.skipped().forEach(path -> skipped.add(ReportPaths.normalize(path)));
        report.set("summary", summary(result));

        ArrayNode rules = report.putArray("rules");
        Set<String> seen = new HashSet<>();
        for (RuleMetadata rule : result.rules()) {
            if (seen.add(rule.id())) {
                rules.add(rule(rule));
            }
        }
        ArrayNode findings = report.putArray("findings");
        result.findings().forEach(finding -> findings.add(finding(finding)));
        return report;
    }

    private static ObjectNode summary(AnalysisResult result) {
        ObjectNode summary = NODES.objectNode();
        summary.put("findings", result.findings().size());
        // The severities count the findings that are neither suppressed nor in the baseline,
        // as the text report's closing line does.
        for (Severity severity : Severity.values()) {
            summary.put(severity.label(), result.newFindings().stream()
                    .filter(f -> f.severity() == severity).count());
        }
        summary.put("suppressed", result.suppressedCount());
        summary.put("inBaseline", result.baselineCount());
        summary.put("processingErrors", result.hasProcessingErrors());
        return summary;
    }

    private static ObjectNode rule(RuleMetadata rule) {
        ObjectNode node = NODES.objectNode();
        node.put("id", rule.id());
        node.put("name", rule.name());
        node.put("summary", rule.summary());
        node.put("severity", rule.severity().label());
        node.put("pillar", rule.pillar() == null ? null : rule.pillar().packageName());
        node.put("since", blankToNull(rule.since()));
        node.put("helpUri", blankToNull(rule.sourceUrl()));
        node.put("enabledByDefault", rule.enabledByDefault());
        ArrayNode resourceTypes = node.putArray("resourceTypes");
        rule.resourceTypes().forEach(resourceTypes::add);
        ArrayNode tags = node.putArray("tags");
        rule.tags().forEach(tags::add);
        ArrayNode aliases = node.putArray("aliases");
        rule.aliases().forEach(aliases::add);
        ObjectNode aliasTools = node.putObject("aliasTools");
        AliasTools.toolsOf(rule.aliases()).forEach(aliasTools::put);
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = NODES.objectNode();
        node.put("ruleId", finding.ruleId());
        node.put("severity", finding.severity().label());
        node.put("message", SarifRegions.normalizeLineBreaks(finding.message()));
        node.put("file", ReportPaths.normalize(finding.file().displayPath()));
        putPosition(node, finding.span());
        node.put("logicalId", blankToNull(finding.logicalId()));
        ArrayNode related = node.putArray("related");
        for (Finding.Related place : finding.related()) {
            ObjectNode location = related.addObject();
            location.put("message", SarifRegions.normalizeLineBreaks(place.message()));
            location.put("file", ReportPaths.normalize(
                    place.span().fileOr(finding.file()).displayPath()));
            putPosition(location, place.span());
        }
        node.set("suppression", suppression(finding.suppression()));
        node.put("baselineState", finding.baselineState() == null ? null
                : finding.baselineState().sarifName());
        return node;
    }

    /** Builds the {@code suppression} object, or a JSON null when the finding is not suppressed. */
    private static JsonNode suppression(Suppression suppression) {
        if (suppression == null) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        node.put("kind", suppression.kind().sarifName());
        node.put("justification", suppression.justification());
        putPosition(node, suppression.span());
        return node;
    }

    private static void putPosition(ObjectNode node, SourceSpan span) {
        boolean known = span.isKnown();
        node.put("line", known ? span.line() : null);
        node.put("column", known && span.column() > 0 ? span.column() : null);
        node.put("endLine", known && span.endLine() > 0 ? span.endLine() : null);
        node.put("endColumn", known && span.endColumn() > 0 ? span.endColumn() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
