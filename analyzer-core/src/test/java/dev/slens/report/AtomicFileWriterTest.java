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

    /** Starts {@link InterruptedReportWrite} and waits until it has written half a report. */
    private static Process startInterruptedWrite(Path target) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp",
                System.getProperty("java.class.path"), InterruptedReportWrite.class.getName(),
                target.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(
                child.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", out.readLine());
        }
        return child;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
