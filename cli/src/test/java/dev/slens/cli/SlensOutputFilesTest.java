package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines and reports that slens wrote into the folder it scans again. */
class SlensOutputFilesTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
                  CodeUri: src/
            """;

    @TempDir
    private Path folder;

    @BeforeEach
    void writeOutputsIntoFolder() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        CommandRun first = CommandRun.of("scan", "--fail-on", "none",
                "--write-baseline", folder.resolve("slens-baseline.json").toString(),
                "--format", "json=" + folder.resolve("report.json"),
                "--format", "sarif=" + folder.resolve("results.sarif.json"),
                "--format", "gitlab=" + folder.resolve("gl-code-quality.json"),
                folder.resolve("template.yaml").toString());
        assertEquals(0, first.exitCode(), first.describe());
    }

    @Test
    void ownOutputs_notCountedAsSkipped() {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().endsWith(" in 1 file.\n"), run.describe());
    }

    @Test
    void otherJson_stillCountedAsSkipped() throws IOException {
        Files.writeString(folder.resolve("package.json"), "{\"name\": \"orders\"}");

        CommandRun run = CommandRun.of("scan", "--fail-on", "none", folder.toString());

        assertTrue(run.out().endsWith(" in 1 file; 1 file skipped as neither CloudFormation,"
                + " SAM nor a Serverless Framework service.\n"), run.describe());
    }

    @Test
    void jsonReport_listsNoOwnOutputAsSkipped() throws IOException {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none", "--format", "json",
                folder.toString());

        assertTrue(run.out().contains("\"skipped\": [ ]"), run.describe());
    }

    @Test
    void namedBaseline_stillCountedAsSkipped() {
        CommandRun run = CommandRun.of("scan", "--fail-on", "none",
                folder.resolve("template.yaml").toString(),
                folder.resolve("slens-baseline.json").toString());

        assertTrue(run.out().endsWith(" in 1 file; 1 file skipped as neither CloudFormation,"
                + " SAM nor a Serverless Framework service.\n"), run.describe());
    }
}
