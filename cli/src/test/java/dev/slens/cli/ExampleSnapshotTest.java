package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.Version;
import dev.slens.fixtures.Fixtures;
import dev.slens.report.SarifSchemaCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Compares the SARIF report of the example application with the reviewed snapshot next to it.
 * Run the build with {@code -Dsnapshot.update=true} to rewrite the snapshot, then review the diff.
 */
class ExampleSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Fixtures.project("orders-app");
    private static final Path SNAPSHOT = PROJECT.resolve("expected.sarif.json");

    @Test
    void exampleReportMatchesSnapshot() throws IOException {
        CommandRun run = CommandRun.of("scan", PROJECT.toString(), "--format", "sarif",
                "--base-dir", PROJECT.toString(), "--source-root", PROJECT.toString(),
                "--today", "2026-12-04");
        assertEquals(4, run.exitCode(), run.describe());

        JsonNode actual = normalize(SarifSchemaCheck.assertValid(run.out()));
        if (Boolean.getBoolean("snapshot.update")) {
            Files.writeString(SNAPSHOT, JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(actual) + "\n", StandardCharsets.UTF_8);
        }
        JsonNode expected = JSON.readTree(SNAPSHOT.toFile());
        assertEquals(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(expected),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual),
                "the report differs from " + SNAPSHOT + "; rerun with -Dsnapshot.update=true"
                        + " and review the diff if the change is intended");
    }

    /**
     * Replaces the tool version, which changes with every release, by a fixed word, and the
     * rule help, which repeats each rule's documentation page, by the page's name. Edits to the
     * documentation then leave the snapshot alone.
     */
    private static JsonNode normalize(JsonNode report) {
        ObjectNode driver = (ObjectNode) report.path("runs").path(0).path("tool").path("driver");
        for (String field : new String[] {"version", "semanticVersion"}) {
            if (driver.has(field)) {
                assertEquals(Version.current(), driver.get(field).asText(), field);
                driver.put(field, "VERSION");
            }
        }
        for (JsonNode rule : driver.path("rules")) {
            ObjectNode help = (ObjectNode) rule.path("help");
            String markdown = help.path("markdown").asText();
            if (markdown.contains("\n## How to fix\n")) {
                assertFalse(help.path("text").asText().isBlank(), rule.path("id").asText());
                help.put("text", "rule-docs/" + rule.path("id").asText() + ".md as text");
                help.put("markdown", "rule-docs/" + rule.path("id").asText() + ".md");
            }
        }
        return report;
    }
}
