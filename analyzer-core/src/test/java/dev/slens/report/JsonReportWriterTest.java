package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static dev.slens.report.ReportTestData.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonReportWriterTest {

    private static final SourceFile TEMPLATE = file("stacks/template.yaml", TEMPLATE_LINES);

    @Test
    void writesVersionToolFilesAndSummary() throws IOException {
        AnalysisResult result = new AnalysisResult(List.of(), List.of(TEMPLATE),
                ReportTestData.allRules(), List.of(".\\docs\\other.json"), "1.2.3");

        JsonNode report = parse(result);

        assertEquals(1, report.get("schemaVersion").asInt());
        assertEquals("slens", report.at("/tool/name").asText());
        assertEquals("1.2.3", report.at("/tool/version").asText());
        assertEquals("stacks/template.yaml", report.at("/files/0").asText());
        assertEquals("docs/other.json", report.at("/skipped/0").asText());
        assertEquals(0, report.at("/summary/findings").asInt());
        assertFalse(report.at("/summary/processingErrors").asBoolean());
    }

    @Test
    void suppressedFinding_hasSuppressionObject() throws IOException {
        Finding timeout = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "MainFunction", "W.");
        Finding other = finding(TIMEOUT, TEMPLATE, SourceSpan.at(7, 7), "MainFunction", "W.");

        JsonNode report = parse(result(List.of(TEMPLATE), List.of(
                ReportTestData.suppressed(timeout, 4, "Short handler."), other)));

        JsonNode suppression = report.at("/findings/0/suppression");
        assertEquals("inSource", suppression.get("kind").asText());
        assertEquals("Short handler.", suppression.get("justification").asText());
        assertEquals(4, suppression.get("line").asInt());
        assertEquals(9, suppression.get("column").asInt());
        assertTrue(report.at("/findings/1/suppression").isNull());
        assertEquals(2, report.at("/summary/findings").asInt());
        assertEquals(1, report.at("/summary/suppressed").asInt());
    }

    @Test
    void writesRuleMetadata() throws IOException {
        JsonNode rules = parse(result(List.of(TEMPLATE), List.of())).get("rules");

        JsonNode timeout = find(rules, "SL1001");
        assertEquals("FunctionTimeoutMissing", timeout.get("name").asText());
        assertEquals("Functions set an explicit timeout", timeout.get("summary").asText());
        assertEquals("warning", timeout.get("severity").asText());
        assertEquals("reliability", timeout.get("pillar").asText());
        assertEquals("ES1004", timeout.at("/aliases/0").asText());
        assertEquals("{\"ES1004\":\"serverless-rules\"}", timeout.get("aliasTools").toString());
        assertTrue(timeout.get("helpUri").asText().startsWith("https://docs.aws.amazon.com/"));
        assertTrue(timeout.get("enabledByDefault").asBoolean());
        assertEquals(ReportTestData.allRules().size(), rules.size());
    }

    @Test
    void writesFindingWithPositionAndRelatedPlace() throws IOException {
        Finding finding = new Finding("SL1001", TIMEOUT.severity(), "Timeout missing.", TEMPLATE,
                new SourceSpan(6, 7, 6, 14), "MainFunction",
                List.of(new Finding.Related(SourceSpan.at(3, 3), "function 'MainFunction'")));

        JsonNode node = parse(result(List.of(TEMPLATE), List.of(finding))).at("/findings/0");

        assertEquals("SL1001", node.get("ruleId").asText());
        assertEquals("warning", node.get("severity").asText());
        assertEquals("stacks/template.yaml", node.get("file").asText());
        assertEquals(6, node.get("line").asInt());
        assertEquals(7, node.get("column").asInt());
        assertEquals(6, node.get("endLine").asInt());
        assertEquals(14, node.get("endColumn").asInt());
        assertEquals("MainFunction", node.get("logicalId").asText());
        assertEquals("function 'MainFunction'", node.at("/related/0/message").asText());
        assertEquals("stacks/template.yaml", node.at("/related/0/file").asText());
        assertEquals(3, node.at("/related/0/line").asInt());
    }

    @Test
    void relatedPlaceInOtherFileNamesIt() throws IOException {
        SourceFile included = file("stacks/config/settings.yml", List.of("timeout: 900"));
        Finding finding = new Finding("SL1001", TIMEOUT.severity(), "Timeout too long.",
                TEMPLATE, SourceSpan.at(6, 7), "MainFunction", List.of(new Finding.Related(
                        SourceSpan.at(1, 10).inFile(included), "the included value")));

        JsonNode related = parse(result(List.of(TEMPLATE), List.of(finding)))
                .at("/findings/0/related/0");

        assertEquals("stacks/config/settings.yml", related.get("file").asText());
        assertEquals(1, related.get("line").asInt());
        assertEquals(10, related.get("column").asInt());
    }

    @Test
    void unknownPositionAndLogicalId_areNull() throws IOException {
        Finding finding = finding(TIMEOUT, TEMPLATE, SourceSpan.NONE, null, "Whole file.");

        JsonNode node = parse(result(List.of(TEMPLATE), List.of(finding))).at("/findings/0");

        assertTrue(node.get("line").isNull());
        assertTrue(node.get("column").isNull());
        assertTrue(node.get("endLine").isNull());
        assertTrue(node.get("endColumn").isNull());
        assertTrue(node.get("logicalId").isNull());
    }

    @Test
    void hostileMessageAndPath_roundTrip() throws IOException {
        SourceFile hostile = file("a dir\\50%, \"x\": <é&>.yaml", TEMPLATE_LINES);
        Finding finding = finding(TIMEOUT, hostile, SourceSpan.at(6, 7), "Fn",
                "100% \"bad\",\r\nnext: <tag> & 'ünï'\rend");

        String text = ReportTestData.write(new JsonReportWriter(),
                result(List.of(hostile), List.of(finding)));
        JsonNode node = new ObjectMapper().readTree(text).at("/findings/0");

        assertEquals("a dir/50%, \"x\": <é&>.yaml", node.get("file").asText());
        assertEquals("100% \"bad\",\nnext: <tag> & 'ünï'\nend", node.get("message").asText());
        assertFalse(text.contains("\r"), "raw carriage return in output");
        assertFalse(text.contains("\\r"), "escaped carriage return in output");
    }

    @Test
    void sameResult_givesSameBytes() {
        Finding finding = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "Fn", "Message.");
        AnalysisResult result = result(List.of(TEMPLATE), List.of(finding));

        assertEquals(ReportTestData.write(new JsonReportWriter(), result),
                ReportTestData.write(new JsonReportWriter(), result));
    }

    private static JsonNode parse(AnalysisResult result) throws IOException {
        return new ObjectMapper().readTree(ReportTestData.write(new JsonReportWriter(), result));
    }

    private static JsonNode find(JsonNode rules, String id) {
        for (JsonNode rule : rules) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("rule " + id + " missing from " + rules);
    }
}
