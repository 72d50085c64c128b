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

import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    private static final SourceFile TEMPLATE = file("stacks/template.yaml", TEMPLATE_LINES);

    @Test
    void writesHeadlineSnippetAndSummary() {
        Finding timeout = finding(TIMEOUT, TEMPLATE, new SourceSpan(6, 7, 6, 14), "MainFunction",
                "Function 'MainFunction' has no Timeout; set Timeout.");

        String text = write(result(List.of(TEMPLATE), List.of(timeout)));

        assertEquals(List.of(
                "stacks/template.yaml:6:7: warning SL1001 [MainFunction] Function 'MainFunction'"
                        + " has no Timeout; set Timeout.",
                "     6 |       Runtime: python3.12",
                "1 finding (0 errors, 1 warning, 0 info) in 1 file."),
                text.lines().toList());
        assertEquals('\n', text.charAt(text.length() - 1));
    }

    @Test
    void longLineCutAroundColumn() {
        String line = "{\"a\":\"" + "x".repeat(5000) + "\",\"Timeout\":900,\"b\":\""
                + "y".repeat(5000) + "\"}";
        int column = line.indexOf("Timeout") + 1;

        String excerpt = TextReportWriter.excerpt(line, column);

        assertTrue(excerpt.length() <= TextReportWriter.EXCERPT_WIDTH + 6, excerpt);
        assertTrue(excerpt.startsWith("...x"), excerpt);
        assertTrue(excerpt.endsWith("y..."), excerpt);
        assertTrue(excerpt.contains("\"Timeout\":900"), excerpt);
    }

    @Test
    void longLineKeepsStartNearColumn() {
        String line = "Timeout: " + "9".repeat(500);

        String excerpt = TextReportWriter.excerpt(line, 1);

        assertEquals(line.substring(0, TextReportWriter.EXCERPT_WIDTH) + "...", excerpt);
    }

    @Test
    void shortLinePrintedWhole() {
        assertEquals("  Timeout: 900", TextReportWriter.excerpt("  Timeout: 900", 3));
    }

    @Test
    void suppressedFindingsListedSeparatelyAndCounted() {
        Finding timeout = finding(TIMEOUT, TEMPLATE, new SourceSpan(6, 7, 6, 14), "MainFunction",
                "No timeout.");
        Finding error = finding(URL_AUTH, TEMPLATE, SourceSpan.at(3, 3), "MainFunction", "E.");
        Finding tracing = finding(TRACING, TEMPLATE, SourceSpan.at(4, 5), null, "No X-Ray.");

        String text = write(result(List.of(TEMPLATE), List.of(
                ReportTestData.suppressed(error, 2, "The URL is private."), tracing,
                ReportTestData.suppressed(timeout, 5, null))));

        assertEquals(List.of(
                "stacks/template.yaml:4:5: info SL3001 No X-Ray.",
                "     4 |     Type: AWS::Serverless::Function",
                "Suppressed findings:",
                "stacks/template.yaml:3:3: error SL2001 [MainFunction] E.",
                "       suppressed on line 2: The URL is private.",
                "stacks/template.yaml:6:7: warning SL1001 [MainFunction] No timeout.",
                "       suppressed on line 5",
                "1 finding (0 errors, 0 warnings, 1 info) in 1 file; 2 suppressed."),
                text.lines().toList());
    }

    @Test
    void headlineOmitsUnknownPositionAndLogicalId() {
        Finding whole = finding(TIMEOUT, TEMPLATE, SourceSpan.NONE, null, "Whole file.");

        String first = write(result(List.of(TEMPLATE), List.of(whole))).lines().findFirst()
                .orElseThrow();

        assertEquals("stacks/template.yaml: warning SL1001 Whole file.", first);
    }

    @Test
    void controlCharactersFromTemplate_areReplaced() {
        SourceFile hostile = file("t.yaml", List.of("Runtime: \u001b[2Jx"));
        Finding finding = finding(TIMEOUT, hostile, SourceSpan.at(1, 10), "Fn",
                "Runtime 'x\n::error::injected\u001b]0;title\u0007' is unknown.");

        String report = write(result(List.of(hostile), List.of(finding)));

        assertFalse(report.contains("\u001b"), report);
        assertFalse(report.contains("\u0007"), report);
        assertTrue(report.lines().noneMatch(line -> line.startsWith("::error::")), report);
        assertTrue(report.contains("Runtime 'x\uFFFD::error::injected"), report);
    }

    @Test
    void snippetSkipped_whenSourceLineBlank() {
        Finding blank = finding(TIMEOUT, TEMPLATE, SourceSpan.at(8, 1), null, "Blank line.");

        List<String> lines = write(result(List.of(TEMPLATE), List.of(blank))).lines().toList();

        assertEquals(2, lines.size(), lines.toString());
    }

    @Test
    void summaryCountsEachSeverityAndSkippedFiles() {
        Finding error = finding(URL_AUTH, TEMPLATE, SourceSpan.at(3, 3), "MainFunction", "E.");
        Finding warning = finding(TIMEOUT, TEMPLATE, SourceSpan.at(4, 5), "MainFunction", "W.");
        Finding info = finding(TRACING, TEMPLATE, SourceSpan.at(5, 5), "MainFunction", "I.");
        SourceFile other = file("other.yaml", List.of("Resources: {}"));
        AnalysisResult result = new AnalysisResult(List.of(error, warning, info),
                List.of(TEMPLATE, other), ReportTestData.allRules(), List.of("a.yaml", "b.yaml"),
                "0.1.0");

        List<String> lines = write(result).lines().toList();

        assertEquals("3 findings (1 error, 1 warning, 1 info) in 2 files; 2 files skipped as"
                + " neither CloudFormation, SAM nor a Serverless Framework service.",
                lines.get(lines.size() - 1));
    }

    @Test
    void cleanRunPrintsOnlySummary() {
        assertEquals("0 findings (0 errors, 0 warnings, 0 info) in 1 file.\n",
                write(result(List.of(TEMPLATE), List.of())));
    }

    private static String write(AnalysisResult result) {
        return ReportTestData.write(new TextReportWriter(), result);
    }
}
