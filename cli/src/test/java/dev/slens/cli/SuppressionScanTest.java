package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other tools' suppressions, honoured through the aliases of the registered rules. */
class SuppressionScanTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Topic:
                Type: AWS::SNS::Topic
              Notify:
                # checkov:skip=CKV_AWS_116:Lost notifications are resent nightly
                Type: AWS::Serverless::Function
                Metadata:
                  cfn-lint:
                    config:
                      ignore_checks: [WS1000]
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  Tracing: PassThrough
                  Events:
                    Sns:
                      Type: SNS
                      Properties:
                        Topic: !Ref Topic
            """;

    @TempDir
    Path folder;

    @Test
    void checkovAndServerlessRulesIds_suppressFindings() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);

        CommandRun run = CommandRun.of("scan", template.toString(), "--base-dir",
                folder.toString(), "--format", "sarif", "--fail-on", "none");

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode results = new ObjectMapper().readTree(run.out()).at("/runs/0/results");
        JsonNode async = result(results, "SL1001");
        JsonNode tracing = result(results, "SL1004");
        assertEquals("inSource", async.at("/suppressions/0/kind").asText(), async.toString());
        assertEquals("Lost notifications are resent nightly",
                async.at("/suppressions/0/justification").asText(), async.toString());
        assertEquals(6, async.at("/suppressions/0/location/physicalLocation/region/startLine")
                .asInt(), async.toString());
        assertEquals("inSource", tracing.at("/suppressions/0/kind").asText(),
                tracing.toString());
        for (JsonNode result : results) {
            assertFalse(result.path("ruleId").asText().equals("SL0007"), result.toString());
        }
    }

    @Test
    void checkovSkip_countsInTextSummary() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);

        CommandRun run = CommandRun.of("scan", template.toString(), "--base-dir",
                folder.toString(), "--fail-on", "none");

        assertTrue(run.out().contains("2 suppressed"), run.describe());
        assertTrue(run.out().contains("suppressed on line 6: Lost notifications are resent"
                + " nightly"), run.describe());
    }

    private static JsonNode result(JsonNode results, String ruleId) {
        for (JsonNode result : results) {
            if (result.path("ruleId").asText().equals(ruleId)) {
                return result;
            }
        }
        throw new AssertionError("no " + ruleId + " result in " + results);
    }
}
