package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.internal.FailureHook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scan in which slens fails unexpectedly on one file. */
class ScanFailureTest {

    private static final String QUEUE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              Orders:
                Type: AWS::SQS::Queue
            """;

    @TempDir
    Path folder;

    @AfterEach
    void clearHook() {
        FailureHook.clear();
    }

    @Test
    void failingFile_isReportedAlone() throws IOException {
        Path broken = Files.writeString(folder.resolve("broken.yaml"), QUEUE);
        Files.writeString(folder.resolve("good.yaml"), QUEUE);
        Files.writeString(folder.resolve("other.yaml"), QUEUE);
        FailureHook.failOn(path -> path.getFileName().equals(broken.getFileName())
                && path.startsWith(folder));

        CommandRun run = CommandRun.of("scan", folder.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("broken.yaml:1:1: error SL0003"), run.describe());
        assertTrue(run.out().contains("Please report this as a bug."), run.describe());
        assertTrue(run.out().contains("good.yaml:3:"), run.describe());
        assertTrue(run.out().contains("other.yaml:3:"), run.describe());
        assertFalse(run.err().contains("at dev.slens"), run.describe());
        assertFalse(run.out().contains("broken.yaml:3:"), run.describe());
    }

    @Test
    void unknownProvider_keepsOtherFiles() throws IOException {
        Files.createDirectories(folder.resolve("service"));
        Files.writeString(folder.resolve("service/serverless.yml"), """
                service: orders
                provider: ${opt:provider}
                functions:
                  hello:
                    handler: h.h
                """);
        Files.writeString(folder.resolve("good.yaml"), QUEUE);

        CommandRun run = CommandRun.of("scan", folder.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("serverless.yml:2:1: error SL0001"), run.describe());
        assertTrue(run.out().contains("good.yaml:3:"), run.describe());
    }
}
