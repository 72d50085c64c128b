package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slens.report.SarifSchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of the folder that SARIF artifact URIs are relative to. */
class ScanSourceRootTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
            """;

    @TempDir
    private Path temp;

    @Test
    void uriIsRelativeToGitRoot_byDefault() throws IOException {
        Path service = writeTemplate(temp.resolve("services/orders"));
        Files.createDirectories(temp.resolve(".git"));

        JsonNode log = scanSarif(service, "--base-dir", service.toString());

        assertEquals("services/orders/template.yaml", firstUri(log));
    }

    @Test
    void gitFileCountsAsRepository() throws IOException {
        Path service = writeTemplate(temp.resolve("worktree/app"));
        Files.writeString(temp.resolve("worktree/.git"), "gitdir: /elsewhere/.git/worktrees/a\n");

        JsonNode log = scanSarif(service, "--base-dir", service.toString());

        assertEquals("app/template.yaml", firstUri(log));
    }

    @Test
    void sourceRootOptionWins() throws IOException {
        Path service = writeTemplate(temp.resolve("monorepo/team a/api"));
        Files.createDirectories(temp.resolve(".git"));

        JsonNode log = scanSarif(service, "--base-dir", service.toString(), "--source-root",
                temp.resolve("monorepo").toString());

        assertEquals("team%20a/api/template.yaml", firstUri(log));
    }

    @Test
    void uriIsRelativeToScannedRepository_fromOutside() throws IOException {
        Path infra = writeTemplate(temp.resolve("x/repo/infra"));
        Files.createDirectories(temp.resolve("x/repo/.git"));

        CommandRun run = CommandRun.of("scan", infra.toString(), "--format", "sarif");

        JsonNode log = SarifSchemaCheck.assertValid(run.out());
        assertEquals("infra/template.yaml", firstUri(log));
        assertFalse(run.err().contains("outside the source root"), run.describe());
    }

    @Test
    void sourceRootOutsideFiles_warns() throws IOException {
        Path service = writeTemplate(temp.resolve("app"));
        Path other = Files.createDirectories(temp.resolve("other"));

        CommandRun run = CommandRun.of("scan", service.toString(), "--format", "sarif",
                "--source-root", other.toString());

        JsonNode log = SarifSchemaCheck.assertValid(run.out());
        assertTrue(firstUri(log).startsWith("file:///"), firstUri(log));
        assertTrue(run.err().startsWith("warning: 1 of 1 files, such as '"
                + service.resolve("template.yaml").toAbsolutePath() + "', are outside the"
                + " source root '" + other.toAbsolutePath() + "'"), run.describe());
    }

    @Test
    void textReport_noSourceRootWarning() throws IOException {
        Path service = writeTemplate(temp.resolve("app"));

        CommandRun run = CommandRun.of("scan", service.toString(), "--source-root",
                Files.createDirectories(temp.resolve("other")).toString());

        assertFalse(run.err().contains("outside the source root"), run.describe());
    }

    @Test
    void missingSourceRoot_isUsageError() throws IOException {
        Path service = writeTemplate(temp.resolve("app"));

        CommandRun run = CommandRun.of("scan", service.toString(), "--source-root",
                temp.resolve("nope").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("source root folder not found"), run.describe());
    }

    private static Path writeTemplate(Path folder) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        return folder;
    }

    private static JsonNode scanSarif(Path folder, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "scan";
        args[1] = folder.toString();
        args[2] = "--format";
        args[3] = "sarif";
        System.arraycopy(options, 0, args, 4, options.length);
        CommandRun run = CommandRun.of(args);
        assertTrue(run.exitCode() == 0 || run.exitCode() == 4, run.describe());
        return SarifSchemaCheck.assertValid(run.out());
    }

    private static String firstUri(JsonNode log) {
        return log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText();
    }
}
