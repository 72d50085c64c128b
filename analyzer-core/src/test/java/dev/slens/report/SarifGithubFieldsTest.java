package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.URL_AUTH;
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
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the SARIF fields that GitHub code scanning reads beyond the schema. */
class SarifGithubFieldsTest {

    private static final String LOCATION = "/results/0/locations/0/physicalLocation";

    @TempDir
    private Path temp;

    @Test
    void lineHashIsGithubHashOfStartLine() throws IOException {
        String text = "\uFEFFTransform: x\r\nResources:\r\n  Fn:\r\n    Type: y\r\n";
        Path path = temp.resolve("template.yaml");
        Files.writeString(path, text, StandardCharsets.UTF_8);
        SourceFile file = new SourceFile(path, "template.yaml", List.of("Transform: x",
                "Resources:", "  Fn:", "    Type: y", ""));
        Finding finding = finding(TIMEOUT, file, new SourceSpan(3, 3, 3, 5), "Fn", "No timeout.");

        JsonNode fingerprints = sarif(result(List.of(file), List.of(finding)),
                ReportOptions.DEFAULT).at("/runs/0/results/0/partialFingerprints");

        assertEquals(LineHashes.of(text).get(2),
                fingerprints.path(SarifResults.LINE_HASH_KEY).asText());
        assertTrue(fingerprints.has(SarifFingerprints.KEY), fingerprints.toString());
    }

    @Test
    void lineHashLeftOut_whenFileIsGone() {
        SourceFile file = ReportTestData.file("gone.yaml", TEMPLATE_LINES);

        JsonNode fingerprints = sarif(ReportTestData.timeoutResult(file), ReportOptions.DEFAULT)
                .at("/runs/0/results/0/partialFingerprints");

        assertFalse(fingerprints.has(SarifResults.LINE_HASH_KEY), fingerprints.toString());
        assertTrue(fingerprints.has(SarifFingerprints.KEY), fingerprints.toString());
    }

    @Test
    void uriIsRelativeToSourceRoot() {
        Path root = Path.of("/repo");
        ReportOptions options = new ReportOptions(root.resolve("services/orders"), root);
        SourceFile file = ReportTestData.file("stacks/my api.yaml", TEMPLATE_LINES);

        JsonNode run = sarif(ReportTestData.timeoutResult(file), options).at("/runs/0");

        assertEquals("services/orders/stacks/my%20api.yaml",
                run.at(LOCATION + "/artifactLocation/uri").asText());
        assertEquals("services/orders/stacks/my%20api.yaml",
                run.at("/artifacts/0/location/uri").asText());
    }

    @Test
    void uriOutsideSourceRootIsAbsoluteWithoutBase() {
        ReportOptions options = new ReportOptions(Path.of("/repo/a"), Path.of("/repo/a/b"));
        SourceFile file = ReportTestData.file("../c/my api.yaml", TEMPLATE_LINES);

        JsonNode run = sarif(ReportTestData.timeoutResult(file), options).at("/runs/0");

        JsonNode location = run.at(LOCATION + "/artifactLocation");
        assertEquals(Path.of("/repo/c/my api.yaml").toUri().toASCIIString(),
                location.get("uri").asText());
        assertTrue(location.get("uri").asText().startsWith("file:/"), location.toString());
        assertFalse(location.has("uriBaseId"), location.toString());
    }

    @Test
    void helpComesFromRuleDocs() {
        JsonNode rule = ruleNamed(URL_AUTH.id());

        assertEquals("A function URL with AuthType: NONE can be called by anyone who knows the"
                + " URL. See the Lambda guide"
                + " (https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html) for the two"
                + " auth types.", rule.at("/fullDescription/text").asText());
        String markdown = rule.at("/help/markdown").asText();
        assertTrue(markdown.startsWith("Function URLs require IAM authentication.\n\n## Why"),
                markdown);
        assertTrue(markdown.contains("```yaml\nFunctionUrlConfig:"), markdown);
        assertTrue(markdown.endsWith("Reference: <" + URL_AUTH.sourceUrl() + ">"), markdown);
        String text = rule.at("/help/text").asText();
        assertTrue(text.contains("How to fix\n\nSet AuthType to AWS_IAM:"), text);
        assertTrue(text.contains("\n    FunctionUrlConfig:\n      AuthType: AWS_IAM\n"), text);
        assertFalse(text.contains("```") || text.contains("## "), text);
        assertTrue(text.endsWith("Reference: " + URL_AUTH.sourceUrl()), text);
    }

    @Test
    void helpFallsBackToSummary_withoutRuleDocs() {
        JsonNode rule = ruleNamed(EngineChecks.PARSE_ERROR.id());

        assertEquals("Template files are valid YAML or JSON.",
                rule.at("/fullDescription/text").asText());
        assertTrue(rule.at("/help/text").asText().startsWith("Template files are valid YAML"));
    }

    @Test
    void informationUriIsRealPage() {
        JsonNode driver = sarif(result(List.of(), List.of()), ReportOptions.DEFAULT)
                .at("/runs/0/tool/driver");

        String uri = driver.path("informationUri").asText();
        assertTrue(uri.startsWith("https://docs.aws.amazon.com/wellarchitected/"), uri);
        assertFalse(uri.contains("example.invalid"), uri);
    }

    @Test
    void parseErrorBecomesErrorNotification() {
        SourceFile broken = ReportTestData.file("broken.yaml", List.of("Resources: [", ""));
        Finding parseError = finding(EngineChecks.PARSE_ERROR, broken, SourceSpan.at(1, 12),
                null, "The file cannot be parsed: unexpected end of input.");

        JsonNode run = sarif(result(List.of(broken), List.of(parseError)), ReportOptions.DEFAULT)
                .at("/runs/0");

        JsonNode notification = run.at("/invocations/0/toolExecutionNotifications/0");
        assertEquals("error", notification.path("level").asText());
        assertEquals("SL0001", notification.at("/associatedRule/id").asText());
        assertEquals(0, notification.at("/associatedRule/index").asInt());
        assertEquals("broken.yaml", notification.at("/locations/0/physicalLocation"
                + "/artifactLocation/uri").asText());
        assertFalse(run.at("/invocations/0/executionSuccessful").asBoolean());
        assertEquals("error", run.at("/results/0/level").asText());
        assertEquals(1, run.at("/results/0/locations/0/physicalLocation/region/startLine")
                .asInt());
    }

    @Test
    void truncateKeepsWholeSentences() {
        String text = "One two. Three four. Five six seven.";

        assertEquals("One two. Three four.", SarifRules.truncate(text, 25));
        assertEquals("Onetwothr\u2026", SarifRules.truncate("Onetwothreefour", 10));
        assertEquals(text, SarifRules.truncate(text, 100));
    }

    private static JsonNode ruleNamed(String id) {
        JsonNode rules = sarif(result(List.of(), List.of()), ReportOptions.DEFAULT)
                .at("/runs/0/tool/driver/rules");
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id + " in " + rules);
    }

    private static JsonNode sarif(AnalysisResult result, ReportOptions options) {
        try {
            JsonNode log = new ObjectMapper().readTree(
                    ReportTestData.write(new SarifReportWriter(options), result));
            SarifSchemaCheck.assertValid(log);
            return log;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
