package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code file:line:column: severity ID [LogicalId] message}, then the source line, for
 * each finding that is neither suppressed nor in the baseline. The suppressed findings follow
 * under their own heading, each with the line of its suppression and the reason given, and a
 * closing count ends the report.
 */
public final class TextReportWriter implements ReportWriter {

    /** The maximum number of characters of a source line the report prints. */
    static final int EXCERPT_WIDTH = 160;

    private static final String CUT = "...";

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        for (Finding finding : result.newFindings()) {
            out.write(headline(finding));
            out.write('\n');
            String source = finding.file().line(finding.span().line());
            if (!source.isBlank()) {
                out.write(String.format(Locale.ROOT, "%6d | %s\n", finding.span().line(),
                        ControlCharacters.replace(excerpt(source.stripTrailing(),
                                finding.span().column()))));
            }
        }
        if (result.suppressedCount() > 0) {
            out.write("Suppressed findings:\n");
            for (Finding finding : result.findings()) {
                if (finding.suppressed()) {
                    out.write(headline(finding));
                    out.write('\n');
                    out.write(suppressionLine(finding.suppression()));
                    out.write('\n');
                }
            }
        }
        out.write(summary(result));
        out.write('\n');
        out.flush();
    }

    /**
     * Returns {@code source}, or, when it is longer than {@link #EXCERPT_WIDTH}, the part of it
     * around {@code column} (1-based; 0 when unknown) with {@code ...} where text was cut.
     */
    static String excerpt(String source, int column) {
        if (source.length() <= EXCERPT_WIDTH) {
            return source;
        }
        int centre = Math.max(0, Math.min(column - 1, source.length() - 1));
        int start = Math.max(0, centre - EXCERPT_WIDTH / 4);
        int end = Math.min(source.length(), start + EXCERPT_WIDTH);
        start = Math.max(0, end - EXCERPT_WIDTH);
        if (Character.isLowSurrogate(source.charAt(start))) {
            start++;
        }
        if (end < source.length() && Character.isLowSurrogate(source.charAt(end))) {
            end--;
        }
        return (start > 0 ? CUT : "") + source.substring(start, end)
                + (end < source.length() ? CUT : "");
    }

    private static String headline(Finding finding) {
        StringBuilder line = new StringBuilder(finding.file().displayPath());
        if (finding.span().isKnown()) {
            line.append(':').append(finding.span().line()).append(':')
                    .append(finding.span().column());
        }
        line.append(": ").append(finding.severity().label()).append(' ').append(finding.ruleId());
        if (finding.logicalId() != null) {
            line.append(" [").append(finding.logicalId()).append(']');
        }
        return ControlCharacters.replace(line.append(' ').append(finding.message()).toString());
    }

    private static String suppressionLine(Suppression suppression) {
        StringBuilder line = new StringBuilder("       suppressed");
        if (suppression.span().isKnown()) {
            line.append(" on line ").append(suppression.span().line());
        }
        if (suppression.justification() != null) {
            line.append(": ").append(suppression.justification());
        }
        return ControlCharacters.replace(line.toString());
    }

    /**
     * Returns the closing count, naming each severity with the label the findings show. "info"
     * is a mass noun, so it keeps its form for any count. The count and its severities cover the
     * findings the report lists: those neither suppressed nor in the baseline. The numbers of
     * suppressed findings and of findings in the baseline follow when there are any.
     */
    static String summary(AnalysisResult result) {
        List<Finding> reported = result.newFindings();
        StringBuilder text = new StringBuilder();
        text.append(plural(reported.size(), "finding")).append(" (")
                .append(plural(count(reported, Severity.ERROR), Severity.ERROR.label()))
                .append(", ")
                .append(plural(count(reported, Severity.WARNING), Severity.WARNING.label()))
                .append(", ")
                .append(count(reported, Severity.INFO)).append(' ')
                .append(Severity.INFO.label()).append(") in ")
                .append(plural(result.files().size(), "file"));
        List<String> notListed = new ArrayList<>();
        if (result.suppressedCount() > 0) {
            notListed.add(result.suppressedCount() + " suppressed");
        }
        if (result.baselineCount() > 0) {
            notListed.add(result.baselineCount() + " in the baseline");
        }
        if (!notListed.isEmpty()) {
            text.append("; ").append(String.join(", ", notListed));
        }
        if (!result.skipped().isEmpty()) {
            text.append("; ").append(plural(result.skipped().size(), "file"))
                    .append(" skipped as neither CloudFormation, SAM nor a Serverless Framework")
                    .append(" service");
        }
        return text.append('.').toString();
    }

    private static long count(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
