package dev.slens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {

    @TempDir
    private Path temp;

    @Test
    void write_createsFile() throws IOException {
        Path target = temp.resolve("out.txt");

        AtomicFileWriter.write(target, out -> out.write("complete"));

        assertEquals("complete", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    @Test
    void symbolicLink_writesLinkedFileAndKeepsLink() throws IOException {
        Path real = Files.writeString(temp.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("link.txt"), real);

        AtomicFileWriter.write(link, out -> out.write("new"));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void namedPipe_isWrittenThroughNotReplaced() throws Exception {
        Path pipe = temp.resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        AtomicFileWriter.write(pipe, out -> out.write("through the pipe"));

        assertEquals("through the pipe", reader.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(pipe));
    }

    @Test
    void failedWrite_keepsOldContent() throws IOException {
        Path target = Files.writeString(temp.resolve("out.txt"), "old");

        IOException failure = assertThrows(IOException.class,
                () -> AtomicFileWriter.write(target, out -> {
                    out.write("half of a rep");
                    throw new IOException("disk full");
                }));

        assertEquals("disk full", failure.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    @Test
    void failedFirstWrite_leavesNoFile() throws IOException {
        Path target = temp.resolve("out.txt");

        assertThrows(IllegalStateException.class, () -> AtomicFileWriter.write(target, out -> {
            out.write("partial");
            throw new IllegalStateException("writer bug");
        }));

        assertEquals(List.of(), filesIn(temp));
    }

    @Test
    void terminatedWrite_keepsOldContentAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(temp.resolve("slens.sarif"), "old report");
        Process child = startInterruptedWrite(target);

        child.destroy();

        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not stop");
        assertEquals("old report", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    @Test
    void killedWrite_keepsOldContent() throws Exception {
        Path target = Files.writeString(temp.resolve("slens.sarif"), "old report");
        Process child = startInterruptedWrite(target);

        child.destroyForcibly();

        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not stop");
        assertEquals("old report", Files.readString(target));
        // A killed JVM cannot delete its hidden temporary file, but the report is intact.
        assertTrue(filesIn(temp).stream().allMatch(file -> file.equals(target)
                || file.getFileName().toString().startsWith(".slens.sarif.")), filesIn(temp)
                .toString());
    }

    @Test
    void writeAfterKilledWrite_deletesItsTemporaryFile() throws Exception {
        Path target = Files.writeString(temp.resolve("slens.sarif"), "old report");
        Path otherReport = Files.writeString(temp.resolve("other.sarif"), "other report");
        Process killed = startInterruptedWrite(target);
        Process otherKilled = startInterruptedWrite(otherReport);
        killed.destroyForcibly();
        otherKilled.destroyForcibly();
        assertTrue(killed.waitFor(30, TimeUnit.SECONDS), "the child JVM did not stop");
        assertTrue(otherKilled.waitFor(30, TimeUnit.SECONDS), "the child JVM did not stop");
        List<Path> otherLeft = temporariesOf("other.sarif");
        assertEquals(1, temporariesOf("slens.sarif").size(), filesIn(temp).toString());
        assertEquals(1, otherLeft.size(), filesIn(temp).toString());

        Process next = startWrite(target, "new report");

        assertTrue(next.waitFor(60, TimeUnit.SECONDS), "the second child JVM did not stop");
        assertEquals(0, next.exitValue());
        assertEquals("new report", Files.readString(target));
        assertEquals(List.of(), temporariesOf("slens.sarif"));
        assertEquals(otherLeft, temporariesOf("other.sarif"));
    }

    @Test
    void write_deletesOnlyOwnStaleTemporaryFiles() throws IOException, InterruptedException {
        Path target = temp.resolve("slens.sarif");
        long ended = endedProcessId();
        List<String> keptNames = List.of(".slens.sarif.notes.tmp", ".slens.sarif.tmp",
                ".slens.sarif.3fa9.tmp", "slens.sarif." + ended + "-3fa9.tmp",
                ".slens.sarif." + ended + "-3fa9.tmp.bak", ".other.sarif." + ended + "-3fa9.tmp",
                ".slens.sarif." + ended + "-0123456789abcdef0.tmp");
        for (String name : keptNames) {
            Files.writeString(temp.resolve(name), name);
        }
        Path stale = Files.writeString(temp.resolve(".slens.sarif." + ended + "-3fa9.tmp"),
                "stale");
        Path current = Files.writeString(temp.resolve(".slens.sarif."
                + ProcessHandle.current().pid() + "-77aa.tmp"), "in progress");

        AtomicFileWriter.write(target, out -> out.write("report"));

        assertFalse(Files.exists(stale), "stale temporary file not deleted");
        assertTrue(Files.exists(current), "temporary file of a running process deleted");
        for (String name : keptNames) {
            assertTrue(Files.exists(temp.resolve(name)), name + " deleted");
        }
        assertEquals("report", Files.readString(target));
    }

    /** Returns the ID of a process that has ended. */
    private static long endedProcessId() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -version did not stop");
        return process.pid();
    }

    /** Starts {@link InterruptedReportWrite} and waits until it has written half a report. */
    private static Process startInterruptedWrite(Path target) throws IOException {
        Process child = startWrite(target);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine());
        }
        return child;
    }

    /** Starts {@link InterruptedReportWrite} in a new JVM with {@code arguments} after target. */
    private static Process startWrite(Path target, String... arguments) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), InterruptedReportWrite.class.getName(),
                target.toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private List<Path> temporariesOf(String report) throws IOException {
        return filesIn(temp).stream().filter(file -> file.getFileName().toString()
                .startsWith("." + report + ".")).toList();
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
