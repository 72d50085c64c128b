package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.URL_AUTH;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates written logs against the OASIS SARIF 2.1.0 schema (draft-04) with format
 * assertions switched on, so that {@code uri} and {@code uri-reference} values are checked.
 * The schema comes from the folder in the {@code slens.shared.dir} system property, and the
 * tests are skipped when it is absent.
 */
class SarifSchemaValidationTest {

    private static final String URI_POINTER =
            "/runs/0/results/0/locations/0/physicalLocation/artifactLocation";

    @BeforeAll
    static void requireSchema() {
        assumeTrue(SarifSchemaCheck.isAvailable(), "SARIF schema not found in slens.shared.dir");
    }

    @Test
    void fullReportIsValid() {
        assertEquals(List.of(), validate(ReportTestData.sarif(richResult())));
    }

    @Test
    void pathsOutsideBaseAreValid() {
        for (String displayPath : List.of("../b/t.yaml", "../../my stacks/t.yaml",
                "C:/work/t.yaml")) {
            AnalysisResult result = ReportTestData.timeoutResult(file(displayPath, TEMPLATE_LINES));

            assertEquals(List.of(), validate(ReportTestData.sarif(result)), displayPath);
        }
    }

    @Test
    void rawSpaceInUri_failsValidation() {
        ObjectNode log = (ObjectNode) ReportTestData.sarif(richResult());
        ((ObjectNode) log.at(URI_POINTER)).put("uri", "legacy stack #2.yaml");

        List<String> errors = validate(log);

        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).contains("uri-reference"), errors.get(0));
    }

    @Test
    void startLineZero_failsValidation() {
        ObjectNode log = (ObjectNode) ReportTestData.sarif(richResult());
        ObjectNode region = (ObjectNode) log.at("/runs/0/results/0/locations/0/physicalLocation"
                + "/region");
        region.put("startLine", 0);

        assertEquals(1, validate(log).size(), validate(log).toString());
    }

    /** Returns a result that uses every part of the writer's output. */
    private static AnalysisResult richResult() {
        SourceFile legacy = file("legacy stack #2.yaml", TEMPLATE_LINES);
        SourceFile unicode = file("stacks/café.yaml", TEMPLATE_LINES);
        SourceFile broken = file("broken.json", List.of("{\"Resources\": ", ""));
        Finding timeout = finding(TIMEOUT, legacy, new SourceSpan(5, 5, 5, 15), "LegacyFunction",
                "Function 'LegacyFunction' has no Timeout; set Timeout.");
        Finding urlAuth = new Finding(URL_AUTH.id(), URL_AUTH.severity(),
                "Function URL of 'MainFunction' has AuthType 'NONE'; set AuthType to 'AWS_IAM'.",
                unicode, SourceSpan.at(6, 7), "MainFunction",
                List.of(new Finding.Related(new SourceSpan(3, 3, 3, 15), "first copy of 'Auth'")));
        Finding wholeFile = finding(TIMEOUT, unicode, SourceSpan.NONE, null, "Whole file.");
        Finding parseError = finding(EngineChecks.PARSE_ERROR, broken, SourceSpan.at(1, 1), null,
                "The file cannot be parsed: unexpected end of input.");
        return new AnalysisResult(List.of(ReportTestData.suppressed(timeout, 3, "Short."),
                urlAuth, ReportTestData.suppressed(wholeFile, 2, null), parseError),
                List.of(legacy, unicode, broken), ReportTestData.allRules(),
                List.of("docs/read me.yaml"), "0.1.0-SNAPSHOT");
    }

    private static List<String> validate(JsonNode log) {
        return SarifSchemaCheck.errors(log);
    }
}
