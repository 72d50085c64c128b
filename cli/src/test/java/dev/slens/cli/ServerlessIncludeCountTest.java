package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file counts of a scan whose service reads other files through ${file()}. */
class ServerlessIncludeCountTest {

    private static final String SERVICE = """
            service: orders
            provider:
              name: aws
              runtime: python3.13
            functions:
              create:
                handler: app.create
            resources: ${file(resources.yml)}
            """;

    private static final String RESOURCES = """
            Resources:
              OrdersQueue:
                Type: AWS::SQS::Queue
            """;

    @TempDir
    private Path folder;

    @BeforeEach
    void writeService() throws IOException {
        Files.writeString(folder.resolve("serverless.yml"), SERVICE);
        Files.writeString(folder.resolve("resources.yml"), RESOURCES);
    }

    @Test
    void text_countsIncludedFile() {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", "--base-dir",
                folder.toString(), folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("resources.yml:2:3: warning SL6001"), run.describe());
        assertTrue(run.out().endsWith(" in 2 files.\n"), run.describe());
    }

    @Test
    void serviceNamedAlone_countsIncludedFile() {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none",
                folder.resolve("serverless.yml").toString());

        assertTrue(run.out().endsWith(" in 2 files.\n"), run.describe());
    }

    @Test
    void jsonReport_listsIncludedFile() throws IOException {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", "--format", "json",
                "--base-dir", folder.toString(), folder.toString());

        JsonNode report = new ObjectMapper().readTree(run.out());
        List<String> files = new ArrayList<>();
        report.path("files").forEach(file -> files.add(file.asText()));
        assertEquals(List.of("serverless.yml", "resources.yml"), files, run.out());
        assertEquals("[ ]", report.path("skipped").toPrettyString(), run.out());
    }

    @Test
    void verbose_countsIncludedFile() throws Exception {
        CommandRun run = CommandRun.inNewJvm("scan", "--verbose", "--fail-on", "none",
                "--base-dir", folder.toString(), folder.toString());

        assertTrue(run.err().lines().anyMatch(line -> line.startsWith("INFO Scanned 2 files in")),
                run.describe());
    }
}
