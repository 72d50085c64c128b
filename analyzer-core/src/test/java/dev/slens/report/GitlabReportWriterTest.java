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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitlabReportWriterTest {

    private static final SourceFile TEMPLATE = file("stacks/template.yaml", TEMPLATE_LINES);

    @Test
    void writesDocumentedFieldsOfEachIssue() throws IOException {
        Finding finding = finding(TIMEOUT, TEMPLATE, new SourceSpan(6, 7, 7, 3), "MainFunction",
                "No timeout.");

        JsonNode issues = parse(List.of(finding));

        assertTrue(issues.isArray());
        assertEquals(1, issues.size());
        JsonNode issue = issues.get(0);
        assertEquals("SL1001", issue.get("check_name").asText());
        assertEquals("[MainFunction] No timeout.", issue.get("description").asText());
        assertEquals("major", issue.get("severity").asText());
        assertTrue(issue.get("fingerprint").asText().matches("[0-9a-f]{64}:1"),
                issue.toString());
        assertEquals("stacks/template.yaml", issue.at("/location/path").asText());
        assertEquals(6, issue.at("/location/lines/begin").asInt());
        assertEquals(7, issue.at("/location/lines/end").asInt());
    }

    @Test
    void suppressedFinding_isSkipped() throws IOException {
        Finding visible = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "MainFunction", "Kept.");
        Finding hidden = finding(TIMEOUT, TEMPLATE, SourceSpan.at(3, 3), "Other", "Hidden.");

        JsonNode issues = parse(List.of(ReportTestData.suppressed(hidden, 2, "Reason."), visible));

        assertEquals(1, issues.size(), issues.toString());
        assertEquals("[MainFunction] Kept.", issues.get(0).get("description").asText());
    }

    @Test
    void severities_mapToGitlabValues() throws IOException {
        JsonNode issues = parse(List.of(
                finding(URL_AUTH, TEMPLATE, SourceSpan.at(3, 3), null, "E."),
                finding(TIMEOUT, TEMPLATE, SourceSpan.at(4, 3), null, "W."),
                finding(TRACING, TEMPLATE, SourceSpan.at(5, 3), null, "I.")));

        assertEquals("critical", issues.at("/0/severity").asText());
        assertEquals("major", issues.at("/1/severity").asText());
        assertEquals("info", issues.at("/2/severity").asText());
    }

    @Test
    void unknownPosition_beginsAtLineOne() throws IOException {
        JsonNode issue = parse(List.of(finding(TIMEOUT, TEMPLATE, SourceSpan.NONE, null, "W.")))
                .get(0);

        assertEquals(1, issue.at("/location/lines/begin").asInt());
        assertEquals("W.", issue.get("description").asText());
    }

    @Test
    void fingerprint_ignoresLinesAddedAbove() throws IOException {
        List<String> shifted = new ArrayList<>(List.of("# comment", "# another"));
        shifted.addAll(TEMPLATE_LINES);
        SourceFile moved = file("stacks/template.yaml", shifted);

        String before = parse(List.of(finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "Fn",
                "W."))).at("/0/fingerprint").asText();
        String after = parse(List.of(finding(TIMEOUT, moved, SourceSpan.at(8, 7), "Fn",
                "W."))).at("/0/fingerprint").asText();

        assertEquals(before, after);
    }

    @Test
    void equalFindings_getDistinctFingerprints() throws IOException {
        Finding finding = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "Fn", "W.");

        JsonNode issues = parse(List.of(finding, finding));

        assertNotEquals(issues.at("/0/fingerprint").asText(),
                issues.at("/1/fingerprint").asText());
    }

    @Test
    void hostileMessageAndPath_roundTrip() throws IOException {
        SourceFile hostile = file("dir\\50%, \"x\": <é&>.yaml", TEMPLATE_LINES);
        Finding finding = finding(TIMEOUT, hostile, SourceSpan.at(6, 7), null,
                "100% \"bad\",\r\nnext: <tag> & 'ü'\rend");

        String text = ReportTestData.write(new GitlabReportWriter(),
                result(List.of(hostile), List.of(finding)));
        JsonNode issue = new ObjectMapper().readTree(text).get(0);

        assertEquals("dir/50%, \"x\": <é&>.yaml", issue.at("/location/path").asText());
        assertEquals("100% \"bad\",\nnext: <tag> & 'ü'\nend", issue.get("description").asText());
        assertFalse(text.contains("\r"), "raw carriage return in output");
        assertFalse(text.startsWith("\uFEFF"), "byte order mark, which GitLab rejects");
    }

    @Test
    void noFindings_isEmptyArray() {
        assertEquals("[ ]\n", ReportTestData.write(new GitlabReportWriter(),
                result(List.of(TEMPLATE), List.of())));
    }

    private static JsonNode parse(List<Finding> findings) throws IOException {
        return new ObjectMapper().readTree(ReportTestData.write(new GitlabReportWriter(),
                result(List.of(TEMPLATE), findings)));
    }
}
