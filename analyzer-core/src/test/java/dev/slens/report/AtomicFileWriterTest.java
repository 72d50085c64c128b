package dev.slens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
