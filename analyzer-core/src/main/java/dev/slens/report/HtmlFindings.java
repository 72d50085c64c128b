package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the findings tables of the HTML report. Each row carries its pillar, severity, rule
 * and file in {@code data-} attributes for the filters, and a {@code details} element with the
 * source lines around the finding and the rule's rationale and fix.
 */
final class HtmlFindings {

    /** Lines of source shown before and after the lines of a finding. */
    static final int CONTEXT_LINES = 3;

    private final AnalysisResult result;
    private final Map<String, RuleDocs> docs = new HashMap<>();

    HtmlFindings(AnalysisResult result) {
        this.result = result;
    }

    /**
     * Appends a table of {@code findings}, or {@code empty} as a paragraph when there are none.
     * Rows of suppressed findings also show the suppression's reason.
     */
    void appendTable(StringBuilder html, List<Finding> findings, boolean suppressed,
            String empty) {
        if (findings.isEmpty()) {
            html.append("<p class=\"clean\">").append(HtmlText.escape(empty)).append("</p>\n");
            return;
        }
        html.append("<table class=\"findings\"").append(suppressed ? "" : " id=\"findings\"")
                .append(">\n<thead><tr><th scope=\"col\">Severity</th><th scope=\"col\">Rule"
                        + "</th><th scope=\"col\">Pillar</th><th scope=\"col\">Location</th>"
                        + "<th scope=\"col\">Finding</th></tr></thead>\n<tbody>\n");
        for (Finding finding : findings) {
            row(html, finding);
        }
        html.append("</tbody></table>\n");
    }

    private void row(StringBuilder html, Finding finding) {
        String severity = HtmlSummary.label(finding.severity());
        String pillar = HtmlSummary.pillar(result, finding);
        String file = ReportPaths.normalize(finding.file().displayPath());
        RuleMetadata rule = result.rule(finding.ruleId());
        html.append("<tr class=\"finding\" data-severity=\"").append(severity)
                .append("\" data-pillar=\"").append(HtmlText.escape(pillar))
                .append("\" data-rule=\"").append(HtmlText.escape(finding.ruleId()))
                .append("\" data-file=\"").append(HtmlText.escape(file)).append("\">\n")
                .append("<td><span class=\"badge sev-").append(severity).append("\">")
                .append(severity).append("</span></td>\n")
                .append("<td><span class=\"rule-id\">").append(HtmlText.escape(finding.ruleId()))
                .append("</span>");
        if (rule != null) {
            html.append("<br><span class=\"rule-name\">").append(HtmlText.escape(rule.name()))
                    .append("</span>");
        }
        html.append("</td>\n<td>").append(HtmlText.escape(pillar)).append("</td>\n")
                .append("<td class=\"location\">")
                // A break opportunity after each slash lets long paths wrap between folders.
                .append(HtmlText.escape(location(finding)).replace("/", "/<wbr>"))
                .append("</td>\n<td>");
        details(html, finding, rule);
        html.append("</td>\n</tr>\n");
    }

    private void details(StringBuilder html, Finding finding, RuleMetadata rule) {
        html.append("<details><summary>");
        if (finding.logicalId() != null && !finding.logicalId().isBlank()) {
            html.append("<span class=\"resource\">").append(HtmlText.escape(finding.logicalId()))
                    .append("</span> ");
        }
        html.append(HtmlText.escape(finding.message())).append("</summary>\n");
        if (finding.suppressed()) {
            String reason = finding.suppression().justification();
            html.append("<p class=\"suppression\">Suppressed (")
                    .append(HtmlText.escape(finding.suppression().kind().sarifName()))
                    .append("): ").append(HtmlText.escape(reason == null
                            ? "no reason given" : reason)).append("</p>\n");
        }
        snippet(html, finding.file(), finding.span());
        related(html, finding);
        RuleDocs ruleDocs = docs.computeIfAbsent(finding.ruleId(), RuleDocs::load);
        if (ruleDocs != null) {
            html.append("<h4>Why it matters</h4>\n")
                    .append(HtmlMarkdown.render(ruleDocs.rationale()))
                    .append("<h4>How to fix</h4>\n")
                    .append(HtmlMarkdown.render(ruleDocs.section(RuleDocs.HOW_TO_FIX)));
        } else if (rule != null) {
            html.append("<p>").append(HtmlText.escape(rule.summary())).append(".</p>\n");
        }
        if (rule != null && rule.sourceUrl() != null && rule.sourceUrl().startsWith("https://")) {
            html.append("<p class=\"reference\"><a href=\"")
                    .append(HtmlText.escape(rule.sourceUrl()))
                    .append("\" rel=\"noreferrer\">AWS documentation</a></p>\n");
        }
        html.append("</details>");
    }

    /** Appends the other places that explain the finding, such as a first copy of a key. */
    private static void related(StringBuilder html, Finding finding) {
        if (finding.related().isEmpty()) {
            return;
        }
        html.append("<ul class=\"related\">\n");
        for (Finding.Related place : finding.related()) {
            html.append("<li>");
            SourceFile file = place.span().fileOr(finding.file());
            boolean otherFile = !file.displayPath().equals(finding.file().displayPath());
            if (otherFile) {
                html.append(HtmlText.escape(ReportPaths.normalize(file.displayPath())))
                        .append(place.span().isKnown() ? ", line " : ": ");
            } else if (place.span().isKnown()) {
                html.append("Line ");
            }
            if (place.span().isKnown()) {
                html.append(place.span().line()).append(": ");
            }
            html.append(HtmlText.escape(place.message())).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** Appends the finding's lines and {@link #CONTEXT_LINES} lines around them, numbered. */
    private static void snippet(StringBuilder html, SourceFile file, SourceSpan span) {
        int lineCount = SarifRegions.lineCount(file);
        if (!span.isKnown() || file.lines().isEmpty() || span.line() > lineCount) {
            return;
        }
        int first = span.line();
        int last = Math.min(Math.max(span.endLine(), first), lineCount);
        last = Math.min(last, first + SarifRegions.MAX_SNIPPET_LINES - 1);
        html.append("<pre class=\"source\"><code>");
        for (int number = Math.max(1, first - CONTEXT_LINES);
                number <= Math.min(lineCount, last + CONTEXT_LINES); number++) {
            boolean marked = number >= first && number <= last;
            html.append("<span class=\"line").append(marked ? " hl" : "")
                    .append("\"><span class=\"ln\">").append(number).append("</span>")
                    .append(HtmlText.escape(SarifRegions.normalizeLineBreaks(file.line(number))
                            .replace("\n", "")))
                    .append("</span>");
        }
        html.append("</code></pre>\n");
    }

    private static String location(Finding finding) {
        String file = ReportPaths.normalize(finding.file().displayPath());
        SourceSpan span = finding.span();
        return span.isKnown() ? file + ":" + span.line() + (span.column() > 0
                ? ":" + span.column() : "") : file;
    }
}
