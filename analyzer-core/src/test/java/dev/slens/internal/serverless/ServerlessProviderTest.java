package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code provider:} section written as a text, a variable or a value of the wrong kind. */
class ServerlessProviderTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String provider) {
        return ServerlessTesting.expand(folder, "service: orders\nprovider: " + provider
                + "\nfunctions:\n  hello:\n    handler: h.h\n");
    }

    private static String message(ServerlessTesting.Outcome outcome, String ruleId) {
        return outcome.findings().stream().filter(f -> f.ruleId().equals(ruleId))
                .map(Finding::message).findFirst().orElse("no " + ruleId);
    }

    @Test
    void otherProviderAsTextIsSkipped() {
        ServerlessTesting.Outcome outcome = expand("azure");

        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0013"), outcome.findingIds());
        assertEquals(2, outcome.findings().get(0).span().line());
        assertTrue(message(outcome, "SL0013").contains("Provider 'azure' is not AWS"));
    }

    @Test
    void awsAsTextIsExpanded() {
        ServerlessTesting.Outcome outcome = expand("aws");

        assertTrue(outcome.has("HelloLambdaFunction"), () -> "resources: " + outcome.ids());
        assertEquals(List.of(), outcome.findingIds());
    }

    @Test
    void providerFromFileIsExpanded() {
        ServerlessTesting.write(folder, "p.yml", "name: aws\nruntime: nodejs22.x\n");

        ServerlessTesting.Outcome outcome = expand("${file(./p.yml)}");

        assertTrue(outcome.has("HelloLambdaFunction"), () -> "resources: " + outcome.ids());
        assertEquals("nodejs22.x", outcome.resolved("provider.runtime").text());
        assertEquals(List.of(), outcome.findingIds());
    }

    @Test
    void providerFromFileForOtherCloudIsSkipped() {
        ServerlessTesting.write(folder, "p.yml", "name: google\n");

        ServerlessTesting.Outcome outcome = expand("${file(./p.yml)}");

        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0013"), outcome.findingIds());
    }

    @Test
    void optionWithFallbackIsExpanded() {
        ServerlessTesting.Outcome outcome = expand("${opt:provider, \"aws\"}");

        assertTrue(outcome.has("HelloLambdaFunction"), () -> "resources: " + outcome.ids());
        assertEquals(List.of(), outcome.findingIds());
    }

    @Test
    void unresolvedProviderIsNotAnalyzed() {
        ServerlessTesting.Outcome outcome = expand("${opt:provider}");

        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0008", "SL0001"), outcome.findingIds());
        assertTrue(message(outcome, "SL0001").contains("cannot tell whether the service deploys"
                + " to AWS"), () -> message(outcome, "SL0001"));
    }

    @Test
    void unresolvedNameIsNotAnalyzed() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: ${ssm:/cloud}
                """);

        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0001"), outcome.findingIds());
        assertEquals(3, outcome.findings().get(0).span().line());
    }

    @Test
    void providerListIsNotAnalyzed() {
        ServerlessTesting.Outcome outcome = expand("[aws]");

        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0001"), outcome.findingIds());
        assertTrue(message(outcome, "SL0001").startsWith("Section 'provider' is a list"),
                () -> message(outcome, "SL0001"));
    }

    @Test
    void providerNumberIsNotAnalyzed() {
        ServerlessTesting.Outcome outcome = expand("5");

        assertEquals(List.of("SL0001"), outcome.findingIds());
        assertTrue(message(outcome, "SL0001").startsWith("Section 'provider' is the value '5'"),
                () -> message(outcome, "SL0001"));
    }
}
