package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanServerlessTest {

    private static final String SERVICE = """
            service: orders
            provider:
              name: aws
              runtime: ${self:custom.runtimes.${opt:stage}, 'python3.13'}
              logRetentionInDays: 14
              tracing:
                lambda: true
            custom:
              runtimes:
                legacy: nodejs12.x
            functions:
              create:
                handler: app.create
                environment:
                  LEVEL: ${env:PATH, 'info'}
            """;

    @TempDir
    Path folder;

    @Test
    void serverlessOptionHelp_showsVariables() {
        for (String command : new String[] {"scan", "expand"}) {
            CommandRun run = CommandRun.of(command, "--help");

            // The help wraps lines inside a variable, so the checks ignore whitespace.
            String help = run.out().replaceAll("\\s+", "");
            assertEquals(0, run.exitCode(), run.describe());
            assertTrue(help.contains("${opt:stage}and${sls:stage}"), run.out());
            assertTrue(help.contains("${opt:region}and${aws:region}"), run.out());
            assertTrue(help.contains("Resolves${env:NAME}"), run.out());
            assertFalse(help.contains("null"), run.out());
        }
    }

    @Test
    void stageOption_selectsResolvedRuntime() throws IOException {
        Path file = Files.writeString(folder.resolve("serverless.yml"), SERVICE);

        CommandRun dev = CommandRun.of("scan", file.toString());
        CommandRun legacy = CommandRun.of("scan", file.toString(), "--stage", "legacy");

        assertEquals(0, dev.exitCode(), dev.describe());
        assertFalse(dev.out().contains("SL1003"), dev.describe());
        assertEquals(4, legacy.exitCode(), legacy.describe());
        assertTrue(legacy.out().contains("SL1003"), legacy.describe());
        assertTrue(legacy.out().contains("serverless.yml:4:"), legacy.describe());
    }

    @Test
    void codeServiceFile_isReported() throws IOException {
        Files.writeString(folder.resolve("serverless.ts"), "export default {};\n");

        CommandRun run = CommandRun.of("scan", folder.toString());

        assertTrue(run.out().contains("SL0012"), run.describe());
        assertTrue(run.out().contains("serverless print"), run.describe());
    }

    @Test
    void envFromProcess_isAccepted() throws IOException {
        Path file = Files.writeString(folder.resolve("serverless.yml"), SERVICE);

        CommandRun run = CommandRun.of("scan", file.toString(), "--env-from-process");

        assertEquals(0, run.exitCode(), run.describe());
    }
}
