package dev.slens.report;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.AnalysisResult;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a GitLab Code Quality report: a JSON array with one issue per finding, which GitLab
 * reads from a job's {@code artifacts:reports:codequality} file. GitLab uses only
 * {@code description}, {@code check_name}, {@code fingerprint}, {@code severity},
 * {@code location.path} and {@code location.lines.begin}. The fingerprint is the SARIF
 * {@code slens/v2} fingerprint, which does not change when lines elsewhere in the file move, so
 * merge requests show only new and fixed issues.
 */
public final class GitlabReportWriter implements ReportWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectWriter json = ReportJson.prettyWriter();

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        json.writeValue(out, issues(result));
        out.write('\n');
        out.flush();
    }

    /**
     * Builds the array of issues, one per finding that is not suppressed, in report order.
     * GitLab's Code Quality format has no field for a suppression.
     */
    ArrayNode issues(AnalysisResult result) {
        ArrayNode issues = NODES.arrayNode();
        SarifFingerprints fingerprints = new SarifFingerprints();
        for (Finding finding : result.unsuppressedFindings()) {
            ObjectNode issue = issues.addObject();
            issue.put("type", "issue");
            issue.put("check_name", finding.ruleId());
            issue.put("description", description(finding));
            issue.put("severity", severity(finding.severity()));
            issue.put("fingerprint", fingerprints.next(finding));
            ObjectNode location = issue.putObject("location");
            location.put("path", ReportPaths.normalize(finding.file().displayPath()));
            // GitLab requires a begin line, so a finding on the whole file points at line 1.
            int line = finding.span().isKnown() ? finding.span().line() : 1;
            ObjectNode lines = location.putObject("lines");
            lines.put("begin", line);
            lines.put("end", Math.max(finding.span().endLine(), line));
        }
        return issues;
    }

    /**
     * Returns GitLab's severity: {@code critical} for errors, {@code major} for warnings and
     * {@code info} for info. {@code blocker} and {@code minor} are left for severities slens
     * does not have yet.
     */
    static String severity(Severity severity) {
        return switch (severity) {
            case ERROR -> "critical";
            case WARNING -> "major";
            case INFO -> "info";
        };
    }

    private static String description(Finding finding) {
        String message = SarifRegions.normalizeLineBreaks(finding.message()).strip();
        if (finding.logicalId() == null || finding.logicalId().isBlank()) {
            return message;
        }
        return "[" + finding.logicalId() + "] " + message;
    }
}
