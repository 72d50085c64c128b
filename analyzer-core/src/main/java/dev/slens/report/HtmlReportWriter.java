package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Writes one self-contained HTML page: a summary with a chart, a findings table that filters by
 * pillar, severity, rule and file, and the suppressed findings apart. CSS and JavaScript are
 * inline, and a Content-Security-Policy forbids every fetch and every script but the page's own,
 * which is allowed by its SHA-256 hash. Without JavaScript the page shows every finding.
 */
public final class HtmlReportWriter implements ReportWriter {

    private static final String CSS = resource("html/report.css");
    private static final String SCRIPT = resource("html/report.js");
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline';"
            + " img-src data:; base-uri 'none'; form-action 'none'; script-src 'sha256-"
            + sha256(SCRIPT) + "'";

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        StringBuilder html = new StringBuilder(32_768);
        head(html);
        header(html, result);
        html.append("<main>\n");
        if (result.hasProcessingErrors()) {
            html.append("<p class=\"banner\" role=\"alert\">The scan is incomplete: some files"
                    + " could not be parsed or a rule failed on them. See the SL0001 and SL0003"
                    + " findings.</p>\n");
        }
        HtmlSummary.append(html, result);

        HtmlFindings findings = new HtmlFindings(result);
        List<Finding> open = result.unsuppressedFindings();
        html.append("<section aria-labelledby=\"findings-title\">\n<h2 id=\"findings-title\">")
                .append("Findings</h2>\n");
        if (!open.isEmpty()) {
            filters(html, result, open);
        }
        findings.appendTable(html, open, false, "No open findings.");
        html.append("</section>\n");

        List<Finding> suppressed = result.findings().stream().filter(Finding::suppressed)
                .toList();
        html.append("<section aria-labelledby=\"suppressed-title\">\n<h2 id=\"suppressed-title\">")
                .append("Suppressed findings</h2>\n");
        findings.appendTable(html, suppressed, true, "No finding is suppressed.");
        html.append("</section>\n");
        skipped(html, result);
        html.append("</main>\n<footer>Written by slens ").append(HtmlText.escape(version(result)))
                .append(". Findings are sorted by file, line and rule.</footer>\n<script>")
                .append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(html.toString());
        out.flush();
    }

    private static void head(StringBuilder html) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\"")
                .append(" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlText.escape(POLICY)).append("\">\n")
                .append("<title>slens report</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n");
    }

    private static void header(StringBuilder html, AnalysisResult result) {
        long open = result.unsuppressedFindings().size();
        html.append("<header class=\"top\">\n<h1><span class=\"brand\">slens</span> report</h1>\n")
                .append("<p>").append(open).append(open == 1 ? " open finding" : " open findings")
                .append(" in ").append(result.files().size())
                .append(result.files().size() == 1 ? " file" : " files").append(", ")
                .append(result.suppressedCount()).append(" suppressed.</p>\n</header>\n");
    }

    /** Appends the filter form, hidden until the script shows it. */
    private static void filters(StringBuilder html, AnalysisResult result, List<Finding> open) {
        html.append("<form id=\"filters\" class=\"filters\" hidden>\n");
        select(html, "pillar", "Pillar", values(open, f -> HtmlSummary.pillar(result, f)));
        Set<String> severities = new LinkedHashSet<>();
        for (Severity severity : Severity.values()) {
            if (open.stream().anyMatch(f -> f.severity() == severity)) {
                severities.add(HtmlSummary.label(severity));
            }
        }
        select(html, "severity", "Severity", severities);
        select(html, "rule", "Rule", values(open, Finding::ruleId));
        select(html, "file", "File",
                values(open, f -> ReportPaths.normalize(f.file().displayPath())));
        html.append("<button type=\"reset\">Show all</button>\n")
                .append("<span id=\"shown\" role=\"status\"></span>\n</form>\n");
    }

    private static Set<String> values(List<Finding> findings, Function<Finding, String> key) {
        Set<String> values = new TreeSet<>();
        findings.forEach(finding -> values.add(key.apply(finding)));
        return values;
    }

    private static void select(StringBuilder html, String name, String label, Set<String> values) {
        html.append("<label>").append(label).append(" <select name=\"").append(name)
                .append("\"><option value=\"\">All</option>");
        for (String value : values) {
            String escaped = HtmlText.escape(value);
            html.append("<option value=\"").append(escaped).append("\">").append(escaped)
                    .append("</option>");
        }
        html.append("</select></label>\n");
    }

    private static void skipped(StringBuilder html, AnalysisResult result) {
        if (result.skipped().isEmpty()) {
            return;
        }
        html.append("<section aria-labelledby=\"skipped-title\">\n<h2 id=\"skipped-title\">")
                .append("Skipped files</h2>\n<p>These files are neither CloudFormation, SAM nor a")
                .append(" Serverless Framework service:")
                .append("</p>\n<ul>\n");
        for (String path : result.skipped()) {
            html.append("<li><code>").append(HtmlText.escape(ReportPaths.normalize(path)))
                    .append("</code></li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static String version(AnalysisResult result) {
        return result.toolVersion() == null ? "(unknown version)" : result.toolVersion();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the slens jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + name + " from the slens jar", e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
