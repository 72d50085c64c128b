package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.TRACING;
import static dev.slens.report.ReportTestData.URL_AUTH;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static dev.slens.report.ReportTestData.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

    private static final String ATTACK = "</script><img src=x onerror=alert(1)>";
    private static final SourceFile TEMPLATE = file("template.yaml", TEMPLATE_LINES);

    @Test
    void templateValuesNeverBecomeMarkup() {
        List<String> lines = new ArrayList<>(TEMPLATE_LINES);
        lines.set(6, "      Handler: \"" + ATTACK + "\"");
        SourceFile hostile = file("stacks/" + ATTACK + ".yaml", lines);
        Finding open = new Finding(URL_AUTH.id(), URL_AUTH.severity(), "Value '" + ATTACK + "'.",
                hostile, new SourceSpan(7, 7, 7, 20), ATTACK, List.of());
        Finding quiet = ReportTestData.suppressed(finding(TIMEOUT, hostile,
                new SourceSpan(7, 7, 7, 20), ATTACK, ATTACK), 3, ATTACK);

        String html = write(result(List.of(hostile), List.of(open, quiet)));

        assertFalse(html.contains("<img"), html);
        assertEquals(1, count(html, "<script"), "only the report's own script");
        assertEquals(1, count(html, "</script>"), "only the report's own script");
        assertTrue(html.contains("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("stacks/<wbr>&lt;/<wbr>script&gt;"), "location breaks at slashes");
        assertFalse(html.contains("onerror=alert(1)>"), html);
    }

    @Test
    void scriptIsAllowedOnlyByItsHash() throws Exception {
        String html = write(ReportTestData.timeoutResult(TEMPLATE));

        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find(), html);
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = html.replace("&#39;", "'");
        assertTrue(policy.contains("script-src 'sha256-" + hash + "'"), html);
        assertTrue(policy.contains("default-src 'none'"), html);
    }

    @Test
    void pageFetchesNothing() {
        String html = write(ReportTestData.timeoutResult(TEMPLATE));

        assertFalse(html.contains(" src="), "no element loads a resource");
        assertFalse(html.contains("<link"), "no stylesheet link");
        assertFalse(html.contains("@import") || html.contains("url("), "no CSS fetch");
    }

    @Test
    void rowsCarryFilterValues() {
        Finding auth = finding(URL_AUTH, TEMPLATE, new SourceSpan(6, 7, 6, 15), "MainFunction",
                "Function URL has no auth.");
        Finding tracing = finding(TRACING, TEMPLATE, SourceSpan.at(3, 3), "MainFunction",
                "Tracing is off.");

        String html = write(result(List.of(TEMPLATE), List.of(auth, tracing)));

        assertTrue(html.contains("<tr class=\"finding\" data-severity=\"error\""
                + " data-pillar=\"security\" data-rule=\"SL2001\" data-file=\"template.yaml\">"),
                html);
        assertTrue(html.contains("data-severity=\"info\" data-pillar=\"operational\""), html);
        assertTrue(html.contains("<select name=\"severity\"><option value=\"\">All</option>"
                + "<option value=\"error\">error</option><option value=\"info\">info</option>"
                + "</select>"), html);
        assertTrue(html.contains("<form id=\"filters\" class=\"filters\" hidden>"), html);
    }

    @Test
    void findingShowsSourceAndRuleAdvice() {
        Finding auth = finding(URL_AUTH, TEMPLATE, new SourceSpan(6, 7, 6, 15), "MainFunction",
                "Function URL has no auth.");

        String html = write(result(List.of(TEMPLATE), List.of(auth)));

        assertTrue(html.contains("<span class=\"line hl\"><span class=\"ln\">6</span>"
                + "      Runtime: python3.12</span>"), html);
        assertTrue(html.contains("<span class=\"line\"><span class=\"ln\">3</span>"), html);
        assertFalse(html.contains("<span class=\"ln\">2</span>"), "three lines of context");
        assertTrue(html.contains("can be called by anyone who knows the URL"), html);
        assertTrue(html.contains("<a href=\"https://docs.aws.amazon.com/lambda/latest/dg/"
                + "urls-auth.html\" rel=\"noreferrer\">the Lambda guide</a>"), html);
        assertTrue(html.contains("<h4>How to fix</h4>\n<p>Set <code>AuthType</code> to"
                + " <code>AWS_IAM</code>:</p>"), html);
        assertTrue(html.contains("<pre class=\"doc-code\"><code>FunctionUrlConfig:\n"), html);
        assertFalse(html.contains("A second paragraph"), "rationale is the first paragraph");
    }

    @Test
    void relatedPlacesAreListed() {
        Finding duplicate = new Finding(TIMEOUT.id(), TIMEOUT.severity(), "Key again.", TEMPLATE,
                SourceSpan.at(6, 7), "MainFunction",
                List.of(new Finding.Related(SourceSpan.at(3, 3), "first copy of <Runtime>")));

        String html = write(result(List.of(TEMPLATE), List.of(duplicate)));

        assertTrue(html.contains("<ul class=\"related\">\n<li>Line 3: first copy of"
                + " &lt;Runtime&gt;</li>\n</ul>"), html);
    }

    @Test
    void relatedPlaceInOtherFileNamesIt() {
        SourceFile included = file("config/settings.yml", List.of("timeout: 900"));
        Finding finding = new Finding(TIMEOUT.id(), TIMEOUT.severity(), "Too long.", TEMPLATE,
                SourceSpan.at(6, 7), "MainFunction", List.of(new Finding.Related(
                        SourceSpan.at(1, 10).inFile(included), "the included value")));

        String html = write(result(List.of(TEMPLATE), List.of(finding)));

        assertTrue(html.contains("<li>config/settings.yml, line 1: the included value</li>"),
                html);
    }

    @Test
    void suppressedFindingsAreShownApart() {
        Finding open = finding(URL_AUTH, TEMPLATE, SourceSpan.at(6, 7), "MainFunction", "Open.");
        Finding quiet = ReportTestData.suppressed(finding(TIMEOUT, TEMPLATE, SourceSpan.at(5, 5),
                "MainFunction", "Quiet."), 3, "Set by the platform team.");

        String html = write(result(List.of(TEMPLATE), List.of(open, quiet)));

        int suppressedSection = html.indexOf("<h2 id=\"suppressed-title\">");
        assertTrue(suppressedSection > 0, html);
        assertTrue(html.indexOf("Quiet.") > suppressedSection, "suppressed row after heading");
        assertTrue(html.indexOf("Open.") < suppressedSection, "open row before heading");
        assertTrue(html.contains("Suppressed (inSource): Set by the platform team."), html);
        assertTrue(html.contains("<span class=\"count\">1</span> suppressed"), html);
    }

    @Test
    void summaryCountsByPillarWithChart() {
        Finding auth = finding(URL_AUTH, TEMPLATE, SourceSpan.at(6, 7), "MainFunction", "A.");
        Finding timeout = finding(TIMEOUT, TEMPLATE, SourceSpan.at(5, 5), "MainFunction", "B.");
        Finding second = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 5), "MainFunction", "C.");

        String html = write(result(List.of(TEMPLATE), List.of(auth, timeout, second)));

        assertTrue(html.contains("<tr><th scope=\"row\">reliability</th><td>0</td><td>2</td>"
                + "<td>0</td><td>2</td></tr>"), html);
        assertTrue(html.contains("<svg class=\"chart\" role=\"img\""), html);
        assertEquals(2, count(html, "<rect "), "one bar per pillar with findings");
    }

    @Test
    void cleanScanSaysSo() {
        String html = write(result(List.of(TEMPLATE), List.of()));

        assertTrue(html.contains("No findings. Every rule passed on every file."), html);
        assertFalse(html.contains("<form"), "no filters without findings");
    }

    @Test
    void outputIsDeterministic() {
        assertEquals(write(ReportTestData.timeoutResult(TEMPLATE)),
                write(ReportTestData.timeoutResult(TEMPLATE)));
    }

    @Test
    void reportFormatCreatesHtmlWriter() {
        assertTrue(ReportFormat.HTML.writer() instanceof HtmlReportWriter);
    }

    private static String write(dev.slens.AnalysisResult result) {
        return ReportTestData.write(new HtmlReportWriter(), result);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
