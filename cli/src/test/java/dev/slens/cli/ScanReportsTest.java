package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.report.SarifSchemaCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests of {@code scan} with several reports, and of the single {@code --output} form. */
class ScanReportsTest {

    private static final String DUPLICATE_KEY =
            CommandRun.resource("mixed-folder/duplicate-key.yaml").toString();

    @TempDir
    private Path temp;

    @Test
    void severalFormats_writeEveryReport() throws IOException {
        Path sarif = temp.resolve("slens.sarif");
        Path json = temp.resolve("slens.json");
        Path gitlab = temp.resolve("gl-code-quality.json");
        Path junit = temp.resolve("junit.xml");
        Path github = temp.resolve("annotations.txt");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif=" + sarif,
                "--format", "json=" + json, "-f", "gitlab=" + gitlab, "--format=junit=" + junit,
                "--format", "GitHub=" + github, "--format", "text");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("SL0004"), run.describe());
        assertTrue(run.out().endsWith("in 1 file.\n"), run.describe());
        assertEquals("2.1.0", readJson(sarif).get("version").asText());
        SarifSchemaCheck.assertValid(readJson(sarif));
        assertEquals(1, readJson(json).get("schemaVersion").asInt());
        assertEquals("SL0004", readJson(gitlab).at("/0/check_name").asText());
        assertTrue(Files.readString(junit).startsWith("<?xml"), Files.readString(junit));
        assertTrue(Files.readString(github).startsWith("::warning file="),
                Files.readString(github));
        assertEquals(5, filesIn(temp).size(), "temporary file left behind: " + filesIn(temp));
    }

    @Test
    void formatWithoutFile_goesToOutput() throws IOException {
        Path sarif = temp.resolve("slens.sarif");
        Path github = temp.resolve("annotations.txt");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif", "--output",
                sarif.toString(), "--format", "github=" + github);

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.out());
        assertEquals("2.1.0", readJson(sarif).get("version").asText());
        SarifSchemaCheck.assertValid(readJson(sarif));
        assertTrue(Files.readString(github).startsWith("::warning file="),
                Files.readString(github));
    }

    @Test
    void singleFormatAndOutput_matchesStdoutReport() throws IOException {
        Path sarif = temp.resolve("slens.sarif");

        CommandRun toFile = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif",
                "--output", sarif.toString());
        CommandRun toStdout = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif");

        assertEquals(0, toFile.exitCode(), toFile.describe());
        assertEquals("", toFile.out());
        assertEquals(toStdout.out(), Files.readString(sarif, StandardCharsets.UTF_8));
        SarifSchemaCheck.assertValid(toStdout.out());
        assertEquals(List.of(sarif), filesIn(temp));
    }

    @Test
    void htmlFormat_writesSelfContainedPage() throws IOException {
        Path html = temp.resolve("slens.html");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "html=" + html);

        assertEquals(0, run.exitCode(), run.describe());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("data-rule=\"SL0004\""), page);
        assertTrue(page.contains("<h4>How to fix</h4>") || page.contains("Keys are unique"),
                page);
        assertTrue(page.endsWith("</html>\n"), page);
    }

    @Test
    void outputBeforeFormat_stillPairs() throws IOException {
        Path json = temp.resolve("slens.json");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "-o", json.toString(), "-f",
                "json");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(1, readJson(json).get("schemaVersion").asInt());
    }

    @Test
    void twoReportsForStdout_isUsageError() {
        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "text", "--format",
                "sarif");

        assertUsageError(run, "error: only one report can go to stdout, but text, sarif have"
                + " no file; give the others one with --format FORMAT=FILE");
    }

    @Test
    void twoReportsForOutput_isUsageError() {
        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "text", "--format",
                "sarif", "--output", temp.resolve("a").toString());

        assertUsageError(run, "error: only one report can go to --output, but text, sarif have"
                + " no file; give the others one with --format FORMAT=FILE");
    }

    @Test
    void outputTwice_isUsageError() {
        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif", "--output",
                temp.resolve("a.sarif").toString(), "--format", "json", "--output",
                temp.resolve("b.json").toString());

        assertUsageError(run, "error: --output may be given only once; write each further"
                + " report with --format FORMAT=FILE, such as --format sarif=slens.sarif");
    }

    @Test
    void outputWithoutReport_isUsageError() {
        Path report = temp.resolve("a.txt");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format",
                "json=" + temp.resolve("b.json"), "--output", report.toString());

        assertUsageError(run, "error: --output '" + report + "' has no report to write,"
                + " because every --format names its own file; leave out --output or give one"
                + " --format without '=FILE'");
    }

    @Test
    void sameFileTwice_isUsageError() {
        Path report = temp.resolve("report.json");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "json=" + report,
                "--format", "gitlab", "--output", temp.resolve(".").resolve("report.json")
                        .toString());

        assertUsageError(run, "error: reports json and gitlab are both written to '"
                + temp.resolve(".").resolve("report.json") + "'; give each report its own file");
    }

    @Test
    void reportOnBaselineFile_isUsageError() {
        Path baseline = temp.resolve("b.json");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--write-baseline",
                baseline.toString(), "-f", "json=" + baseline);

        assertUsageError(run, "error: report json and --write-baseline are both written to '"
                + baseline + "'; give the report its own file");
    }

    @Test
    void outputOnBaselineFile_isUsageError() {
        Path baseline = temp.resolve("b.json");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--write-baseline",
                baseline.toString(), "-o", temp.resolve(".").resolve("b.json").toString());

        assertUsageError(run, "error: report text and --write-baseline are both written to '"
                + temp.resolve(".").resolve("b.json") + "'; give the report its own file");
    }

    @Test
    void reportOverAnalyzedTemplate_isUsageError() throws IOException {
        Path template = Files.copy(Path.of(DUPLICATE_KEY), temp.resolve("template.yaml"));
        String before = Files.readString(template);

        CommandRun run = CommandRun.of("scan", template.toString(), "--format",
                "json=" + template);

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: report json would overwrite the analyzed"
                + " template '" + template + "'"), run.describe());
        assertEquals(before, Files.readString(template));
    }

    @Test
    void emptyFileAfterEquals_isUsageError() {
        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif=");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: invalid value for option '--format'"
                + " (FORMAT[=FILE]): missing file name after '=' in 'sarif='"), run.describe());
    }

    @Test
    void reportFileInMissingFolder_isUsageError() throws IOException {
        Path report = temp.resolve("missing").resolve("slens.sarif");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "sarif=" + report);

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: output folder not found: "), run.describe());
        assertEquals(List.of(), filesIn(temp));
    }

    @Test
    void fileNameWithEquals_keepsRest() throws IOException {
        Path report = temp.resolve("a=b.json");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--format", "json=" + report);

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(Files.exists(report), run.describe());
    }

    @Test
    void help_describesRepeatedFormat() {
        CommandRun run = CommandRun.of("scan", "--help");

        assertTrue(run.out().contains("-f, --format=FORMAT[=FILE]"), run.out());
        // Picocli wraps the description, so compare it with the line breaks as spaces.
        assertTrue(run.out().replaceAll("\\s+", " ").contains("Repeat the option to"),
                run.out());
    }

    private void assertUsageError(CommandRun run, String firstLine) {
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(firstLine, run.err().lines().findFirst().orElseThrow(), run.describe());
        assertEquals("", run.out());
        try {
            assertEquals(List.of(), filesIn(temp), "a report was written despite the error");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        return new ObjectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
