package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final String FUNCTION = CommandRun.resource("function.yaml").toString();
    private static final String BROKEN = CommandRun.resource("broken-syntax.yaml").toString();
    private static final String NOT_A_TEMPLATE =
            CommandRun.resource("not-a-template.yaml").toString();
    private static final String DUPLICATE_KEY =
            CommandRun.resource("mixed-folder/duplicate-key.yaml").toString();
    private static final String MIXED_FOLDER = CommandRun.resource("mixed-folder").toString();
    private static final Path PROC = Path.of("/proc");

    @TempDir
    private Path temp;

    @Test
    void cleanTemplate_exitsZero() {
        CommandRun run = CommandRun.of("scan", FUNCTION);

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("in 1 file"), run.describe());
        assertEquals("", run.err());
    }

    @Test
    void threads_sameReportForAnyCount() {
        CommandRun oneThread = CommandRun.of("scan", MIXED_FOLDER, "--format", "json",
                "--threads", "1");
        CommandRun fourThreads = CommandRun.of("scan", MIXED_FOLDER, "--format", "json",
                "--threads", "4");
        CommandRun byDefault = CommandRun.of("scan", MIXED_FOLDER, "--format", "json");

        assertEquals(byDefault.exitCode(), oneThread.exitCode(), oneThread.describe());
        assertEquals(byDefault.exitCode(), fourThreads.exitCode(), fourThreads.describe());
        assertTrue(oneThread.out().contains("\"ruleId\""), oneThread.describe());
        assertEquals(byDefault.out(), oneThread.out());
        assertEquals(byDefault.out(), fourThreads.out());
    }

    @Test
    void threadsZero_isUsageError() {
        CommandRun run = CommandRun.of("scan", FUNCTION, "--threads", "0");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: --threads must be 1 or more, not 0", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void missingPath_isUsageError() {
        CommandRun run = CommandRun.of("scan", FUNCTION, "no-such-template.yaml");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: path not found: 'no-such-template.yaml'"),
                run.describe());
        assertEquals("", run.out());
    }

    @Test
    void yamlSyntaxError_exitsFive() {
        CommandRun run = CommandRun.of("scan", BROKEN, "--base-dir", temp.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("broken-syntax.yaml:7:24: error SL0001"), run.describe());
        assertTrue(run.out().contains("invalid YAML"), run.describe());
        assertFalse(run.err().contains("Exception"), run.describe());
        assertFalse(run.out().contains("Exception"), run.describe());
    }

    @Test
    void yamlSyntaxError_onStderrWithOutput() {
        Path report = temp.resolve("report.txt");

        CommandRun run = CommandRun.of("scan", BROKEN, "--output", report.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.err().contains("broken-syntax.yaml:7: SL0001"), run.describe());
        assertFalse(run.err().contains("\tat "), run.describe());
    }

    @Test
    void nonTemplate_isSkippedAndExitsZero() {
        CommandRun run = CommandRun.of("scan", NOT_A_TEMPLATE);

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("1 file skipped"), run.describe());
        assertEquals("", run.err());
    }

    @Test
    void textSummary_namesSeveritiesLikeFindings() {
        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY);

        assertTrue(run.out().contains(": warning SL0004 "), run.describe());
        assertTrue(run.out().endsWith("1 finding (0 errors, 1 warning, 0 info) in 1 file.\n"),
                run.describe());
    }

    @Test
    void verbose_logsSkippedFilesAndSummary() throws Exception {
        Path report = temp.resolve("report.txt");

        CommandRun run = CommandRun.inNewJvm("scan", "--verbose", FUNCTION, NOT_A_TEMPLATE,
                "--output", report.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = run.err().lines().toList();
        assertEquals(3, lines.size(), run.describe());
        assertTrue(lines.get(0).startsWith("INFO Skipped '"), run.describe());
        assertTrue(lines.get(0).endsWith("not-a-template.yaml': neither CloudFormation, SAM nor"
                + " a Serverless Framework service"), run.describe());
        assertEquals("INFO Wrote the report to '" + report + "'", lines.get(1));
        assertTrue(lines.get(2).matches("INFO Scanned 1 file in \\d+ ms:"
                + " \\d+ findings, 1 skipped"), run.describe());
    }

    @Test
    void withoutVerbose_logsNothing() throws Exception {
        CommandRun run = CommandRun.inNewJvm("scan", FUNCTION, NOT_A_TEMPLATE);

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void debug_alsoLogsSummary() throws Exception {
        CommandRun run = CommandRun.inNewJvm("scan", "--debug", FUNCTION);

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.err().contains("DEBUG Analyzer - "), run.describe());
        assertTrue(run.err().contains("INFO ScanCommand - Scanned 1 file in "), run.describe());
    }

    @Test
    void folderWithBrokenFile_stillReportsOtherFile() {
        CommandRun run = CommandRun.of("scan", MIXED_FOLDER, "--base-dir", MIXED_FOLDER);

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("broken-syntax.yaml:7:24: error SL0001"), run.describe());
        assertTrue(run.out().contains("duplicate-key.yaml:7:7: warning SL0004"), run.describe());
        assertTrue(run.out().contains("in 2 files"), run.describe());
    }

    @Test
    void failOn_setsThresholdForExitFour() {
        assertEquals(0, CommandRun.of("scan", DUPLICATE_KEY).exitCode());
        assertEquals(4, CommandRun.of("scan", DUPLICATE_KEY, "--fail-on", "warning").exitCode());
        assertEquals(4, CommandRun.of("scan", DUPLICATE_KEY, "--fail-on", "INFO").exitCode());
        assertEquals(0, CommandRun.of("scan", DUPLICATE_KEY, "--fail-on", "none").exitCode());
    }

    @Test
    void suppressedError_exitsZero() throws IOException {
        String function = """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  LegacyFunction:
                    Type: AWS::Serverless::Function
                %s    Properties:
                      Handler: app.handler
                      Runtime: python2.7
                      CodeUri: src/
                """;
        Path unsuppressed = temp.resolve("unsuppressed.yaml");
        Files.writeString(unsuppressed, function.formatted(""));
        Path suppressed = temp.resolve("suppressed.yaml");
        Files.writeString(suppressed, function.formatted("""
                    Metadata:
                      slens:
                        ignore: [{id: SL1003, reason: Retired with the next release.}]
                """));

        CommandRun failing = CommandRun.of("scan", unsuppressed.toString(), "--today",
                "2026-12-04");
        CommandRun passing = CommandRun.of("scan", suppressed.toString(), "--today",
                "2026-12-04");

        assertEquals(4, failing.exitCode(), failing.describe());
        assertEquals(0, passing.exitCode(), passing.describe());
        assertTrue(passing.out().contains("Suppressed findings:\n"), passing.describe());
        assertTrue(passing.out().contains(" findings (0 errors, "), passing.describe());
        assertTrue(passing.out().contains(" in 1 file; 1 suppressed.\n"), passing.describe());
    }

    @Test
    void failOnNone_keepsProcessingErrorCode() {
        CommandRun run = CommandRun.of("scan", BROKEN, "--fail-on", "none");

        assertEquals(5, run.exitCode(), run.describe());
    }

    @Test
    void format_ignoresCase() {
        CommandRun run = CommandRun.of("scan", "--format", "TEXT", FUNCTION);

        assertEquals(0, run.exitCode(), run.describe());
    }

    @Test
    void output_replacesFileWithFullReport() throws IOException {
        Path report = temp.resolve("report.txt");
        Files.writeString(report, "previous report");

        CommandRun run = CommandRun.of("scan", DUPLICATE_KEY, "--output", report.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.out());
        String written = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(written.contains("SL0004"), written);
        assertTrue(written.endsWith("in 1 file.\n"), written);
        assertEquals(List.of(report), filesIn(temp), "temporary file left behind");
    }

    @Test
    void outputInMissingFolder_isUsageError() throws IOException {
        Path report = temp.resolve("missing").resolve("report.txt");

        CommandRun run = CommandRun.of("scan", FUNCTION, "--output", report.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: output folder not found: "), run.describe());
        assertFalse(run.err().contains("\tat "), run.describe());
        assertEquals(List.of(), filesIn(temp));
    }

    @Test
    void outputUnderRegularFile_isUsageError() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "not a folder");

        CommandRun run = CommandRun.of("scan", FUNCTION, "--output",
                blocker.resolve("report.txt").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: output folder not found: "), run.describe());
        assertEquals(List.of(blocker), filesIn(temp));
    }

    @Test
    void outputIsFolder_isUsageError() {
        CommandRun run = CommandRun.of("scan", FUNCTION, "--output", temp.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("is a folder"), run.describe());
    }

    @Test
    void emptyOutputPath_isUsageError() {
        CommandRun run = CommandRun.of("scan", FUNCTION, "--output", "");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: output path is empty; "), run.describe());
        assertEquals("", run.out(), run.describe());
    }

    @Test
    void outputInFolderWithoutNewFiles_namesFileAndReason() {
        assumeProcLooksWritable();
        Path report = PROC.resolve("report.txt");

        CommandRun run = CommandRun.of("scan", FUNCTION, "--output", report.toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertEquals("error: cannot write report to '" + report + "': the folder does not allow"
                + " new files", run.err().strip(), run.describe());
    }

    @Test
    void outputFailureWithDebug_showsException() {
        assumeProcLooksWritable();

        CommandRun run = CommandRun.of("scan", FUNCTION, "--debug", "--output",
                PROC.resolve("report.txt").toString());

        assertEquals(1, run.exitCode(), run.describe());
        assertTrue(run.err().contains("NoSuchFileException"), run.describe());
    }

    @Test
    void missingBaseFolder_isUsageError() {
        CommandRun run = CommandRun.of("scan", FUNCTION, "--base-dir",
                temp.resolve("absent").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: base folder not found: "), run.describe());
    }

    /**
     * Skips unless Linux's /proc passes the writable check before the scan, as it does for
     * root. Creating a file there then fails after the checks pass, which a read-only temporary
     * folder cannot reproduce, because root may write to it anyway.
     */
    private static void assumeProcLooksWritable() {
        assumeTrue(Files.isDirectory(PROC) && Files.isWritable(PROC),
                "needs a /proc folder that the writable check accepts, as root has");
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void cdkOutput_findingsNameConstructPath() {
        String cdkApp = CommandRun.resource("cdk-app").toString();

        CommandRun run = CommandRun.of("scan", cdkApp, "--base-dir", cdkApp, "--fail-on",
                "none", "--format", "sarif");

        assertEquals(0, run.exitCode(), "no file failed to parse: " + run.describe());
        assertTrue(run.out().contains("cdk.out/OrdersStack.template.json"), run.describe());
        assertTrue(run.out().contains("SL6001"), run.describe());
        assertTrue(run.out().contains("CDK construct: 'OrdersStack/JobsQueue/Resource'."),
                run.describe());
        assertTrue(run.out().contains("Skipped 'cdk.out/manifest.json' because it is neither"),
                run.describe());
    }

    @Test
    void asOf_datesRuntimeDeprecation() throws IOException {
        Path template = temp.resolve("python312.yaml");
        Files.writeString(template, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                """);

        CommandRun before = CommandRun.of("scan", template.toString(), "--as-of", "2026-12-04");
        CommandRun after = CommandRun.of("scan", template.toString(), "--as-of", "2028-11-01");
        CommandRun olderName = CommandRun.of("scan", template.toString(), "--today",
                "2028-11-01");

        assertEquals(0, before.exitCode(), before.describe());
        assertFalse(before.out().contains("SL1003"), before.describe());
        assertEquals(4, after.exitCode(), after.describe());
        assertTrue(after.out().contains("AWS deprecated on 2028-10-31"), after.describe());
        assertEquals(4, olderName.exitCode(), olderName.describe());
    }
}
