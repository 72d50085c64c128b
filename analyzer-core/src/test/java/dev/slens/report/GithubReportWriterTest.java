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

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubReportWriterTest {

    private static final SourceFile TEMPLATE = file("stacks/template.yaml", TEMPLATE_LINES);

    @Test
    void writesOneCommandPerFindingAndSummary() {
        Finding error = finding(URL_AUTH, TEMPLATE, new SourceSpan(3, 3, 3, 15), "MainFunction",
                "No auth.");
        Finding warning = finding(TIMEOUT, TEMPLATE, new SourceSpan(6, 7, 6, 14),
                "MainFunction", "No timeout.");
        Finding info = finding(TRACING, TEMPLATE, new SourceSpan(4, 5, 5, 3), null, "No X-Ray.");

        List<String> lines = write(List.of(error, warning, info)).lines().toList();

        assertEquals(List.of(
                "::error file=stacks/template.yaml,line=3,endLine=3,col=3,endColumn=15,"
                        + "title=SL2001 FunctionUrlWithoutAuth::[MainFunction] No auth.",
                "::warning file=stacks/template.yaml,line=6,endLine=6,col=7,endColumn=14,"
                        + "title=SL1001 FunctionTimeoutMissing::[MainFunction] No timeout.",
                "::notice file=stacks/template.yaml,line=4,endLine=5,"
                        + "title=SL3001 TracingDisabled::No X-Ray.",
                "3 findings (1 error, 1 warning, 1 info) in 1 file."), lines);
    }

    @Test
    void suppressedFinding_isSkipped() {
        Finding warning = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "MainFunction", "W.");

        List<String> lines = write(List.of(ReportTestData.suppressed(warning, 4, "Reason.")))
                .lines().toList();

        assertEquals(List.of("0 findings (0 errors, 0 warnings, 0 info) in 1 file; 1 suppressed."),
                lines);
    }

    @Test
    void unknownPosition_namesFileOnly() {
        Finding whole = finding(TIMEOUT, TEMPLATE, SourceSpan.NONE, null, "Whole file.");

        String first = write(List.of(whole)).lines().findFirst().orElseThrow();

        assertEquals("::warning file=stacks/template.yaml,title=SL1001 FunctionTimeoutMissing"
                + "::Whole file.", first);
    }

    @Test
    void unknownRule_titleIsRuleId() {
        Finding finding = new Finding("SL9999", TIMEOUT.severity(), "Text.", TEMPLATE,
                SourceSpan.at(2, 1), null, List.of());

        String command = GithubReportWriter.command(finding, null);

        assertEquals("::warning file=stacks/template.yaml,line=2,endLine=2,col=1,title=SL9999"
                + "::Text.", command);
    }

    @Test
    void hostileMessageAndPath_areEscaped() {
        SourceFile hostile = file("dir\\a,b:c%d\n\"é\".yaml", TEMPLATE_LINES);
        Finding finding = finding(TIMEOUT, hostile, SourceSpan.at(6, 7), "Fn",
                "100% bad,\r\nnext: <x> & 'ü'\rend\n");

        String text = ReportTestData.write(new GithubReportWriter(),
                result(List.of(hostile), List.of(finding)));
        String command = text.lines().findFirst().orElseThrow();

        assertEquals("::warning file=dir/a%2Cb%3Ac%25d%0A\"é\".yaml,line=6,endLine=6,col=7,"
                + "title=SL1001 FunctionTimeoutMissing::[Fn] 100%25 bad,%0D%0Anext: <x> & 'ü'"
                + "%0Dend", command);
        assertEquals(2, text.lines().count());
        assertFalse(text.contains("\r"), "raw carriage return in output");
    }

    @Test
    void escapeData_replacesOtherControlCharacters() {
        assertEquals("a\uFFFDb%0Ac\uFFFD", GithubReportWriter.escapeData("a\u001bb\nc\u0007"));
    }

    @Test
    void escapeProperty_escapesPercentFirst() {
        assertEquals("%250A%3A%2C%0D%0A", GithubReportWriter.escapeProperty("%0A:,\r\n"));
    }

    @Test
    void escapeData_keepsColonAndComma() {
        assertEquals("a:b,c%25", GithubReportWriter.escapeData("a:b,c%"));
    }

    private static String write(List<Finding> findings) {
        return ReportTestData.write(new GithubReportWriter(), result(List.of(TEMPLATE), findings));
    }
}
