package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes one GitHub Actions workflow command per finding, such as
 * {@code ::warning file=t.yaml,line=6,endLine=6,col=7,endColumn=14,title=SL1002 Name::text},
 * so that a step printing the report annotates the pull request without a SARIF upload. A closing
 * plain line gives the counts, because GitHub shows only a limited number of annotations per
 * step. The command syntax is described at
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
public final class GithubReportWriter implements ReportWriter {

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        for (Finding finding : result.newFindings()) {
            out.write(command(finding, result.rule(finding.ruleId())));
            out.write('\n');
        }
        out.write(TextReportWriter.summary(result));
        out.write('\n');
        out.flush();
    }

    /** Builds the command of {@code finding}, titled by {@code rule}, which may be null. */
    static String command(Finding finding, RuleMetadata rule) {
        StringBuilder command = new StringBuilder("::").append(commandName(finding))
                .append(" file=")
                .append(escapeProperty(ReportPaths.normalize(finding.file().displayPath())));
        SourceSpan span = finding.span();
        if (span.isKnown()) {
            int endLine = Math.max(span.endLine(), span.line());
            command.append(",line=").append(span.line());
            command.append(",endLine=").append(endLine);
            // GitHub applies columns only to annotations that start and end on one line.
            if (endLine == span.line() && span.column() > 0) {
                command.append(",col=").append(span.column());
                if (span.endColumn() > span.column()) {
                    command.append(",endColumn=").append(span.endColumn());
                }
            }
        }
        String title = rule == null ? finding.ruleId() : finding.ruleId() + " " + rule.name();
        command.append(",title=").append(escapeProperty(title));
        return command.append("::").append(escapeData(message(finding))).toString();
    }

    private static String commandName(Finding finding) {
        return switch (finding.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    private static String message(Finding finding) {
        String message = finding.message().strip();
        if (finding.logicalId() == null || finding.logicalId().isBlank()) {
            return message;
        }
        return "[" + finding.logicalId() + "] " + message;
    }

    /**
     * Escapes a command's message: {@code %}, carriage return and line feed, after replacing
     * other control characters, which GitHub would print raw into the log.
     */
    static String escapeData(String text) {
        return ControlCharacters.replace(text, true).replace("%", "%25").replace("\r", "%0D")
                .replace("\n", "%0A");
    }

    /** Escapes a property value: what {@link #escapeData} escapes, plus {@code :} and {@code ,}. */
    static String escapeProperty(String text) {
        return escapeData(text).replace(":", "%3A").replace(",", "%2C");
    }
}
