package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions written in a serverless.yml: on a function and under custom.slens. */
class ServerlessSuppressionTest {

    private static final String SERVICE = """
            service: orders
            provider:
              name: aws
              runtime: nodejs16.x
            functions:
              create:
                handler: create.handler
              report:
                handler: report.handler
            """;

    @TempDir
    Path folder;

    @Test
    void functionKey_suppressesOnlyThatFunction() throws IOException {
        CommandRun plain = scan(SERVICE);
        CommandRun suppressed = scan(SERVICE.replace("""
                    handler: create.handler
                """, """
                    handler: create.handler
                    slens:
                      ignore:
                        - id: SL1003
                          reason: The upgrade ships next sprint.
                """));

        assertTrue(plain.out().contains("SL1003 [CreateLambdaFunction]"), plain.describe());
        assertTrue(suppressed.out().contains("Suppressed findings:"), suppressed.describe());
        assertTrue(suppressed.out().contains("suppressed on line 10: The upgrade ships next"
                + " sprint."), suppressed.describe());
        assertTrue(suppressed.out().contains("error SL1003 [ReportLambdaFunction]"),
                suppressed.describe());
        assertEquals(countOf(plain.out(), "SL1003 ["), countOf(suppressed.out(), "SL1003 ["),
                "suppressed findings are still listed");
    }

    @Test
    void functionKey_coversResourcesGeneratedFromFunction() throws IOException {
        CommandRun run = scan(SERVICE.replace("""
                    handler: create.handler
                """, """
                    handler: create.handler
                    slens:
                      ignore:
                        - id: SL1041
                          reason: Each message is idempotent.
                    events:
                      - sqs:
                          arn: arn:aws:sqs:us-east-1:123456789012:orders
                          batchSize: 10
                """));

        assertTrue(run.out().contains("SL1041 [CreateEventSourceMappingSQSOrders]"),
                run.describe());
        assertTrue(run.out().contains("suppressed on line 10: Each message is idempotent."),
                run.describe());
        assertFalse(run.out().contains("SL0007"), run.describe());
    }

    @Test
    void checkovComment_suppressesFunctionBelowIt() throws IOException {
        CommandRun run = scan(SERVICE.replace("""
                  create:
                """, """
                  # checkov:skip=CKV_AWS_363:The upgrade ships next sprint.
                  create:
                """));

        assertTrue(run.out().contains("suppressed on line 6: The upgrade ships next sprint."),
                run.describe());
        assertTrue(run.out().contains("error SL1003 [ReportLambdaFunction]"), run.describe());
        assertTrue(run.out().contains("1 suppressed"), run.describe());
        assertFalse(run.out().contains("SL0007"), run.describe());
    }

    @Test
    void customSlens_coversWholeFile() throws IOException {
        CommandRun run = scan(SERVICE + """
                custom:
                  slens:
                    ignore:
                      - id: SL1003
                        reason: Both functions move to nodejs22.x together.
                """);

        assertEquals(0, run.exitCode(), run.describe());
        assertFalse(run.out().contains("SL0007"), run.describe());
        assertTrue(run.out().contains("2 suppressed"), run.describe());
    }

    @Test
    void customSlensWithoutReason_isReportedThere() throws IOException {
        CommandRun run = scan(SERVICE + """
                custom:
                  slens:
                    ignore: [SL1003]
                """);

        assertTrue(run.out().contains("The suppression of 'SL1003' in custom.slens has no"
                + " reason"), run.describe());
    }

    private CommandRun scan(String service) throws IOException {
        Path file = Files.writeString(folder.resolve("serverless.yml"), service);
        return CommandRun.of("scan", file.toString(), "--base-dir", folder.toString(),
                "--today", "2026-12-01", "--fail-on", "error");
    }

    private static int countOf(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
