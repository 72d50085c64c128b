package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.TRACING;
import static dev.slens.report.ReportTestData.URL_AUTH;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static dev.slens.report.ReportTestData.result;
import static dev.slens.report.ReportTestData.sarif;
import static dev.slens.report.ReportTestData.timeoutResult;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifReportWriterTest {

    private static final SourceFile TEMPLATE = file("template.yaml", TEMPLATE_LINES);

    @Test
    void logHasOneRunAndTheDriver() {
        JsonNode log = sarif(timeoutResult(TEMPLATE));

        assertEquals(SarifReportWriter.SCHEMA_URI, log.path("$schema").asText());
        assertEquals("2.1.0", log.path("version").asText());
        assertEquals(1, log.path("runs").size());
        JsonNode driver = log.at("/runs/0/tool/driver");
        assertEquals("slens", driver.path("name").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.path("version").asText());
        assertEquals("0.1.0-SNAPSHOT", driver.path("semanticVersion").asText());
        assertTrue(driver.path("informationUri").asText().startsWith("https://"));
        assertEquals(ReportTestData.allRules().size(), driver.path("rules").size());
        assertEquals("utf16CodeUnits", log.at("/runs/0/columnKind").asText());
    }

    @Test
    void driverOmitsSemanticVersion_whenVersionIsNotSemver() {
        AnalysisResult result = new AnalysisResult(List.of(), List.of(),
                ReportTestData.allRules(), List.of(), "unknown");
        JsonNode driver = sarif(result).at("/runs/0/tool/driver");

        assertEquals("unknown", driver.path("version").asText());
        assertTrue(driver.path("semanticVersion").isMissingNode());
    }

    @Test
    void ruleDescriptorCarriesMetadata() {
        JsonNode rules = sarif(timeoutResult(TEMPLATE)).at("/runs/0/tool/driver/rules");
        JsonNode timeout = rules.get(EngineChecks.ALL.size());

        assertEquals("SL1001", timeout.path("id").asText());
        assertEquals("FunctionTimeoutMissing", timeout.path("name").asText());
        assertEquals(TIMEOUT.summary(), timeout.at("/shortDescription/text").asText());
        assertEquals(TIMEOUT.summary() + ".", timeout.at("/fullDescription/text").asText());
        assertTrue(timeout.at("/help/text").asText().contains(TIMEOUT.sourceUrl()));
        assertEquals(TIMEOUT.sourceUrl(), timeout.path("helpUri").asText());
        assertEquals("warning", timeout.at("/defaultConfiguration/level").asText());
        assertEquals("[\"reliability\",\"lambda\"]", timeout.at("/properties/tags").toString());
        assertEquals("high", timeout.at("/properties/precision").asText());
        assertEquals("warning", timeout.at("/properties/problem.severity").asText());
        assertEquals("[\"ES1004\"]", timeout.at("/properties/aliases").toString());
        assertEquals("{\"ES1004\":\"serverless-rules\"}",
                timeout.at("/properties/aliasTools").toString());
        assertTrue(timeout.at("/properties/security-severity").isMissingNode());
    }

    @Test
    void securityRuleHasStringSecuritySeverity() {
        JsonNode rules = sarif(timeoutResult(TEMPLATE)).at("/runs/0/tool/driver/rules");
        JsonNode urlAuth = rules.get(EngineChecks.ALL.size() + 1);

        assertEquals("SL2001", urlAuth.path("id").asText());
        assertEquals("error", urlAuth.at("/defaultConfiguration/level").asText());
        assertTrue(urlAuth.at("/properties/security-severity").isTextual());
        assertEquals("8.0", urlAuth.at("/properties/security-severity").asText());
        assertEquals("security", urlAuth.at("/properties/tags/0").asText());
        assertTrue(urlAuth.at("/properties/problem.severity").isMissingNode());
    }

    @Test
    void securityRuleUsesDeclaredSecuritySeverity() {
        RuleMetadata declared = new RuleMetadata("SL2002", "PublicPermission", "A rule",
                Severity.WARNING, Pillar.SECURITY, List.of("AWS::Lambda::Permission"), "0.1.0",
                "https://docs.aws.amazon.com/lambda/", List.of("security"), List.of(), true,
                List.of(), "9.1");

        JsonNode properties = SarifRules.descriptor(declared).path("properties");

        assertEquals("9.1", properties.path("security-severity").asText());
        assertTrue(properties.path("problem.severity").isMissingNode());
    }

    @Test
    void overriddenSeverityDerivesSecuritySeverity() {
        RuleMetadata declared = new RuleMetadata("SL2002", "PublicPermission", "A rule",
                Severity.WARNING, Pillar.SECURITY, List.of("AWS::Lambda::Permission"), "0.1.0",
                "https://docs.aws.amazon.com/lambda/", List.of("security"), List.of(), true,
                List.of(), "9.1");

        JsonNode properties = SarifRules.descriptor(declared.withSeverity(Severity.ERROR))
                .path("properties");

        assertEquals("8.0", properties.path("security-severity").asText());
    }

    @Test
    void infoRuleMapsToNote() {
        JsonNode tracing = sarif(timeoutResult(TEMPLATE)).at("/runs/0/tool/driver/rules")
                .get(EngineChecks.ALL.size() + 2);

        assertEquals(TRACING.id(), tracing.path("id").asText());
        assertEquals("note", tracing.at("/defaultConfiguration/level").asText());
        assertEquals("recommendation", tracing.at("/properties/problem.severity").asText());
    }

    @Test
    void resultHasRuleLocationAndRegion() {
        JsonNode result = sarif(timeoutResult(TEMPLATE)).at("/runs/0/results/0");

        assertEquals("SL1001", result.path("ruleId").asText());
        assertEquals(EngineChecks.ALL.size(), result.path("ruleIndex").asInt());
        assertEquals("warning", result.path("level").asText());
        assertTrue(result.at("/message/text").asText().startsWith("Function 'MainFunction'"));
        assertEquals(1, result.path("locations").size());
        JsonNode physical = result.at("/locations/0/physicalLocation");
        assertEquals("template.yaml", physical.at("/artifactLocation/uri").asText());
        assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
        assertEquals(0, physical.at("/artifactLocation/index").asInt());
        assertEquals(5, physical.at("/region/startLine").asInt());
        assertEquals(5, physical.at("/region/startColumn").asInt());
        assertEquals(5, physical.at("/region/endLine").asInt());
        assertEquals(15, physical.at("/region/endColumn").asInt());
        assertEquals("Properties", physical.at("/region/snippet/text").asText());
        assertEquals(TEMPLATE_LINES.get(4), physical.at("/contextRegion/snippet/text").asText());
        assertEquals("MainFunction", result.at("/locations/0/logicalLocations/0/name").asText());
        assertEquals("resource", result.at("/locations/0/logicalLocations/0/kind").asText());
    }

    @Test
    void suppressedResult_hasInSourceSuppression() {
        Finding timeout = finding(TIMEOUT, TEMPLATE, new SourceSpan(5, 5, 5, 15), "MainFunction",
                "No timeout.");
        Finding tracing = finding(TRACING, TEMPLATE, SourceSpan.at(4, 5), null, "No X-Ray.");

        JsonNode results = sarif(result(List.of(TEMPLATE), List.of(
                ReportTestData.suppressed(timeout, 3, "Short handler."),
                ReportTestData.suppressed(tracing, 2, null)))).at("/runs/0/results");

        JsonNode suppression = results.at("/0/suppressions/0");
        assertEquals(1, results.at("/0/suppressions").size());
        assertEquals("inSource", suppression.get("kind").asText());
        assertEquals("Short handler.", suppression.get("justification").asText());
        assertEquals(3, suppression.at("/location/physicalLocation/region/startLine").asInt());
        assertEquals("template.yaml",
                suppression.at("/location/physicalLocation/artifactLocation/uri").asText());
        assertFalse(results.at("/1/suppressions/0").has("justification"));
        assertEquals("note", results.at("/1/level").asText());
    }

    @Test
    void pointSpanGrowsToEndOfLine() {
        Finding point = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), null, "Point.");
        JsonNode result = sarif(result(List.of(TEMPLATE), List.of(point))).at("/runs/0/results/0");
        JsonNode region = result.at("/locations/0/physicalLocation/region");

        assertEquals(7, region.path("startColumn").asInt());
        assertEquals(TEMPLATE_LINES.get(5).length() + 1, region.path("endColumn").asInt());
        assertEquals("Runtime: python3.12", region.at("/snippet/text").asText());
        assertTrue(result.at("/locations/0/logicalLocations").isMissingNode());
    }

    @Test
    void unknownSpanCoversWholeFile() {
        Finding whole = finding(TIMEOUT, TEMPLATE, SourceSpan.NONE, "MainFunction", "Whole.");
        JsonNode region = sarif(result(List.of(TEMPLATE), List.of(whole)))
                .at("/runs/0/results/0/locations/0/physicalLocation/region");

        assertEquals(1, region.path("startLine").asInt());
        assertEquals(TEMPLATE_LINES.size() - 1, region.path("endLine").asInt());
        assertTrue(region.path("startColumn").isMissingNode());
        assertTrue(region.path("snippet").isMissingNode());
    }

    @Test
    void relatedSpansBecomeRelatedLocations() {
        Finding duplicate = new Finding(TIMEOUT.id(), TIMEOUT.severity(), "Duplicate.", TEMPLATE,
                new SourceSpan(6, 7, 6, 14), "MainFunction",
                List.of(new Finding.Related(new SourceSpan(3, 3, 3, 15), "first copy of 'Key'"),
                        new Finding.Related(SourceSpan.NONE, "unknown place")));
        JsonNode related = sarif(result(List.of(TEMPLATE), List.of(duplicate)))
                .at("/runs/0/results/0/relatedLocations");

        assertEquals(1, related.size());
        assertEquals(1, related.at("/0/id").asInt());
        assertEquals("template.yaml", related.at("/0/physicalLocation/artifactLocation/uri")
                .asText());
        assertEquals(3, related.at("/0/physicalLocation/region/startLine").asInt());
        assertEquals("MainFunction", related.at("/0/physicalLocation/region/snippet/text")
                .asText());
        assertEquals("first copy of 'Key'", related.at("/0/message/text").asText());
    }

    @Test
    void srcRootIsDefinedWithoutAbsolutePath() {
        JsonNode bases = sarif(timeoutResult(TEMPLATE)).at("/runs/0/originalUriBaseIds");

        assertEquals(1, bases.size());
        JsonNode srcRoot = bases.path(SarifResults.URI_BASE_ID);
        assertTrue(srcRoot.path("uri").isMissingNode(), srcRoot.toString());
        assertTrue(srcRoot.at("/description/text").asText().contains("--source-root"),
                srcRoot.toString());
    }

    @Test
    void uriIsPercentEncoded_whenNameHasSpaceAndHash() {
        SourceFile legacy = file("legacy stack #2.yaml", TEMPLATE_LINES);
        JsonNode run = sarif(timeoutResult(legacy)).at("/runs/0");
        String uri = run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText();

        assertEquals("legacy%20stack%20%232.yaml", uri);
        assertEquals(uri, run.at("/artifacts/0/location/uri").asText());
        assertTrue(run.at("/artifacts/0/location/index").isMissingNode());
        assertNull(URI.create(uri).getRawFragment());
        assertEquals("legacy stack #2.yaml", URI.create(uri).getPath());
    }

    @Test
    void textStaysUtf8WithoutCarriageReturns() {
        SourceFile crlf = file("template.yaml", List.of("Resources:\r", "  Fn: # naïve\r", ""));
        Finding finding = finding(TIMEOUT, crlf, new SourceSpan(2, 3, 2, 5), "Fn",
                "Function 'Fn' (café)\r\nhas no Timeout.");
        String text = ReportTestData.write(new SarifReportWriter(),
                result(List.of(crlf), List.of(finding)));

        assertTrue(text.contains("café"), text);
        assertTrue(text.contains("# naïve"), text);
        assertFalse(text.contains("\\u00"), text);
        assertFalse(text.contains("\r"), "raw carriage return in output");
        assertFalse(text.contains("\\r"), "escaped carriage return in output");
    }

    @Test
    void fingerprintStable_whenLineInsertedAbove() {
        List<String> shifted = new ArrayList<>(TEMPLATE_LINES);
        shifted.add(1, "Description: an unrelated new line");
        SourceFile moved = file("template.yaml", shifted);
        Finding before = finding(TIMEOUT, TEMPLATE, new SourceSpan(5, 5, 5, 15), "MainFunction",
                "Line 5.");
        Finding after = finding(TIMEOUT, moved, new SourceSpan(6, 5, 6, 15), "MainFunction",
                "Line 6.");

        String key = SarifFingerprints.KEY;
        String first = sarif(result(List.of(TEMPLATE), List.of(before)))
                .at("/runs/0/results/0/partialFingerprints").path(key).asText();
        String second = sarif(result(List.of(moved), List.of(after)))
                .at("/runs/0/results/0/partialFingerprints").path(key).asText();

        assertEquals("slens/v2", key);
        assertTrue(first.matches("[0-9a-f]{64}:1"), first);
        assertEquals(first, second);
    }

    @Test
    void parseErrorStaysResult_andFailsInvocation() {
        SourceFile broken = file("broken.yaml", List.of("Resources: [", ""));
        Finding parseError = finding(EngineChecks.PARSE_ERROR, broken, SourceSpan.at(1, 1), null,
                "The file cannot be parsed: invalid YAML.");
        JsonNode run = sarif(result(List.of(TEMPLATE, broken), List.of(parseError)))
                .at("/runs/0");

        assertFalse(run.at("/invocations/0/executionSuccessful").asBoolean(true));
        assertEquals("SL0001", run.at("/results/0/ruleId").asText());
        assertEquals("error", run.at("/results/0/level").asText());
        assertEquals(1, run.at("/results/0/locations/0/physicalLocation/artifactLocation/index")
                .asInt());
        assertEquals(2, run.path("artifacts").size());
    }

    @Test
    void cleanRunHasEmptyResultsAndSucceeds() {
        JsonNode run = sarif(result(List.of(TEMPLATE), List.of())).at("/runs/0");

        assertTrue(run.path("results").isArray());
        assertEquals(0, run.path("results").size());
        assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean(false));
    }

    @Test
    void skippedFilesBecomeNotifications() {
        AnalysisResult result = new AnalysisResult(List.of(), List.of(TEMPLATE),
                ReportTestData.allRules(), List.of("docs/read me.yaml"), "0.1.0");
        JsonNode notification = sarif(result)
                .at("/runs/0/invocations/0/toolExecutionNotifications/0");

        assertEquals("note", notification.path("level").asText());
        assertTrue(notification.at("/message/text").asText().contains("'docs/read me.yaml'"));
        assertEquals("docs/read%20me.yaml", notification
                .at("/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    @Test
    void outputIsDeterministicAndLeavesWriterOpen() throws IOException {
        AnalysisResult result = timeoutResult(TEMPLATE);
        ClosingWatcher out = new ClosingWatcher();
        new SarifReportWriter().write(result, out);

        assertFalse(out.closed);
        assertEquals(out.toString(), ReportTestData.write(new SarifReportWriter(), result));
        assertTrue(out.toString().endsWith("}\n"));
    }

    @Test
    void reportFormatCreatesSarifWriter() {
        assertInstanceOf(SarifReportWriter.class, ReportFormat.SARIF.writer());
    }

    private static final class ClosingWatcher extends StringWriter {
        private boolean closed;

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }
}
