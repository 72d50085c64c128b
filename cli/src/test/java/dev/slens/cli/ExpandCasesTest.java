package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@code slens expand} on the shared cases about Globals, policies, intrinsic functions,
 * conditions and {@code Fn::ForEach}, read from the shared folder when it is present.
 */
class ExpandCasesTest {

    private static final Path CASES = Path.of(System.getProperty("slens.shared.dir",
            "../shared")).resolve("cases");

    @ParameterizedTest
    @ValueSource(strings = {"001-getatt-dotted-nested-stack-output",
        "002-if-novalue-in-iam-action", "003-sam-globals-merge",
        "008-sub-join-resolving-to-wildcard", "009-sam-policies-names-and-templates",
        "012-dlq-or-onfailure-destination", "014-foreach-transform-list"})
    void everyResourceNamesItsSourceLine(String name) throws IOException {
        JsonNode resources = expand(name).get("Resources");

        assertTrue(resources.size() > 0, name);
        Iterator<Map.Entry<String, JsonNode>> entries = resources.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode source = entry.getValue().at("/Metadata/slens:source");
            assertTrue(source.get("file").asText().endsWith(name + "/template.yaml"),
                    entry.getKey());
            assertTrue(source.get("line").asInt() > 0, entry.getKey());
            assertFalse(entry.getValue().get("Type").asText().startsWith("AWS::Serverless::"),
                    entry.getKey() + " is expanded");
        }
    }

    @Test
    void globals_mergedIntoFunctionsOnly() throws IOException {
        JsonNode resources = expand("003-sam-globals-merge").get("Resources");

        assertEquals(15, resources.at("/ThumbnailFunction/Properties/Timeout").asInt());
        assertEquals("PassThrough",
                resources.at("/ReportFunction/Properties/TracingConfig/Mode").asText());
        assertEquals("INFO", resources.at(
                "/ReportFunction/Properties/Environment/Variables/LOG_LEVEL").asText());
        assertEquals("example-reports", resources.at(
                "/ReportFunction/Properties/Environment/Variables/REPORT_BUCKET").asText());
        assertTrue(resources.at("/LegacyFunction/Properties/Timeout").isMissingNode(),
                "Globals do not reach AWS::Lambda::Function");
    }

    @Test
    void forEach_expandsEachWorker() throws IOException {
        JsonNode resources = expand("014-foreach-transform-list").get("Resources");

        assertEquals("AWS::Lambda::Function", resources.at("/BillingFunction/Type").asText());
        assertEquals("AWS::IAM::Role", resources.at("/ShippingFunctionRole/Type").asText());
        assertEquals("Shipping", resources.at(
                "/ShippingFunction/Properties/Environment/Variables/WORKER").asText());
    }

    @Test
    void nestedStackOutput_keptAsWritten() throws IOException {
        JsonNode target = expand("001-getatt-dotted-nested-stack-output")
                .at("/Resources/OrderEventsFunction/Properties/DeadLetterConfig/TargetArn");

        assertEquals("SharedQueues", target.at("/Fn::GetAtt/0").asText());
        assertEquals("Outputs.OrderEventsDlqArn", target.at("/Fn::GetAtt/1").asText());
    }

    private static JsonNode expand(String name) throws IOException {
        Path template = CASES.resolve(name).resolve("template.yaml");
        assumeTrue(Files.isRegularFile(template), "the shared cases are not present");
        CommandRun run = CommandRun.of("expand", template.toString());
        assertEquals(0, run.exitCode(), run.describe());
        return new ObjectMapper().readTree(run.out());
    }
}
