package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Links, named pipes and empty files in scanned folders and on the command line. */
class SpecialFilesTest {

    private static final String FUNCTION = CommandRun.resource("function.yaml").toString();

    @TempDir
    private Path folder;

    @BeforeEach
    void writeFolder() throws IOException, InterruptedException {
        Files.copy(Path.of(FUNCTION), folder.resolve("function.yaml"));
        Path pipe = folder.resolve("pipe.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo is not available");
        Files.createSymbolicLink(folder.resolve("link.yaml"), Path.of("function.yaml"));
        Path loop = Files.createDirectory(folder.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("self"), Path.of(".."));
        Files.createSymbolicLink(folder.resolve("loop.yaml"), Path.of("loop.yaml"));
    }

    @Test
    void verbose_listsSkippedSpecialFiles() throws Exception {
        CommandRun run = CommandRun.inNewJvm("scan", "--verbose", "--base-dir",
                folder.toString(), folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        List<String> lines = run.err().lines().toList();
        assertTrue(lines.stream().noneMatch(line -> line.contains("'link.yaml'")),
                run.describe());
        assertTrue(lines.contains("INFO Skipped 'loop/self': a symbolic link to"
                + " a folder or special file, which folder scans do not follow"),
                run.describe());
        assertTrue(lines.contains("INFO Skipped 'pipe.yaml': not a regular file"
                + " or folder, such as a named pipe, socket or device"), run.describe());
        assertTrue(lines.contains("INFO Skipped 'loop.yaml': a symbolic link loop, whose"
                + " links point at each other"), run.describe());
        assertTrue(lines.stream().anyMatch(line -> line.matches("INFO Scanned 1 file in \\d+ ms:"
                + " .*, 3 skipped")), run.describe());
        assertTrue(run.out().endsWith("in 1 file.\n"), run.describe());
    }

    @Test
    void withoutVerbose_specialFilesAreSkippedQuietly() throws Exception {
        CommandRun run = CommandRun.inNewJvm("scan", folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void namedLinkLoop_isFindingOthersAnalyzed() throws IOException {
        Path first = folder.resolve("a.yaml");
        Files.createSymbolicLink(first, Path.of("b.yaml"));
        Files.createSymbolicLink(folder.resolve("b.yaml"), Path.of("a.yaml"));

        CommandRun run = CommandRun.of("scan", "--base-dir", folder.toString(), first.toString(),
                folder.resolve("function.yaml").toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("a.yaml:1:1: error SL0001 This path was not analyzed"
                + " because the path is a symbolic link loop: its links point at each other."),
                run.describe());
        assertTrue(run.out().contains("function.yaml:"), run.describe());
        assertTrue(run.out().endsWith("in 2 files.\n"), run.describe());
        assertEquals("", run.err(), run.describe());
    }

    @Test
    void nestedTemplateLinkLeavingProject_notRead() throws IOException {
        Path project = Files.createDirectory(folder.resolve("proj"));
        Path outside = Files.createDirectory(folder.resolve("outside"));
        Files.copy(Path.of(FUNCTION), outside.resolve("leak.yaml"));
        Files.createSymbolicLink(project.resolve("leak_link.yaml"),
                Path.of("../outside/leak.yaml"));
        Files.createSymbolicLink(project.resolve("linkdir"), Path.of("../outside"));
        Path template = Files.writeString(project.resolve("app.yaml"),
                "Transform: AWS::Serverless-2016-10-31\nResources:\n"
                + "  App:\n    Type: AWS::Serverless::Application\n"
                + "    Properties: {Location: leak_link.yaml}\n"
                + "  Stack:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: linkdir/leak.yaml}\n");

        CommandRun run = CommandRun.of("scan", "--base-dir", project.toString(),
                template.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("app.yaml:5:18: warning SL0002 [App] The nested template"
                + " of application 'App' was not analyzed: 'leak_link.yaml' is a link that"
                + " leaves the project folder"), run.describe());
        assertTrue(run.out().contains("app.yaml:8:18: warning SL0002 [Stack] The nested"
                + " template of stack 'Stack' was not analyzed: 'linkdir/leak.yaml' is a link"
                + " that leaves the project folder"), run.describe());
        assertTrue(!run.out().contains("outside/"), run.describe());
        assertTrue(run.out().endsWith("in 1 file.\n"), run.describe());
    }

    @Test
    void namedDanglingLink_isUsageError() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("gone.yaml"), Path.of("none.yaml"));

        CommandRun run = CommandRun.of("scan", link.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: symbolic link '" + link + "' leads to no file: its target is"
                + " missing", run.err().strip(), run.describe());
    }

    @Test
    void namedEmptyFile_exitsFive() throws IOException {
        Path empty = Files.createFile(folder.resolve("template.yaml"));

        CommandRun run = CommandRun.of("scan", "--base-dir", folder.toString(), empty.toString(),
                folder.resolve("function.yaml").toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.out().contains("template.yaml:1:1: error SL0001 The file cannot be parsed:"
                + " it is empty or contains only comments, so it has no template."),
                run.describe());
        assertTrue(run.out().contains("function.yaml:"), run.describe());
    }
}
