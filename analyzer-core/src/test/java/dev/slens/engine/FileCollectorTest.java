package dev.slens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.AnalyzerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a scan takes, and the paths reports show for them. */
class FileCollectorTest {

    @TempDir
    Path folder;

    @Test
    void displayPathInsideBaseIsRelative() throws IOException {
        write("stacks/api/t.yaml");

        List<FileCollector.Candidate> found = new FileCollector(folder)
                .collect(List.of(folder.resolve("stacks")));

        assertEquals(List.of("stacks/api/t.yaml"), displayPaths(found));
    }

    @Test
    void displayPathOutsideBaseKeepsFolders() throws IOException {
        Files.createDirectories(folder.resolve("a"));
        write("b/t.yaml");
        write("c/t.yaml");

        List<FileCollector.Candidate> found = new FileCollector(folder.resolve("a"))
                .collect(List.of(folder.resolve("b/t.yaml"), folder.resolve("c")));

        assertEquals(List.of("../b/t.yaml", "../c/t.yaml"), displayPaths(found));
    }

    @Test
    void displayPathOfRelativeArgumentOutsideBase() throws IOException {
        write("b/t.yaml");
        Path base = Files.createDirectories(folder.resolve("a/nested"));

        List<FileCollector.Candidate> found = new FileCollector(base)
                .collect(List.of(base.resolve("../../b")));

        assertEquals(List.of("../../b/t.yaml"), displayPaths(found));
    }

    @Test
    void namedPipeIsRejected() throws IOException, InterruptedException {
        Path pipe = folder.resolve("t.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo is not available");

        AnalyzerException error = assertThrows(AnalyzerException.class,
                () -> new FileCollector(folder).collect(List.of(pipe)));

        assertEquals("not a regular file: '" + pipe + "'", error.getMessage());
    }

    @Test
    void deviceIsRejected() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "/dev/null is not available");

        AnalyzerException error = assertThrows(AnalyzerException.class,
                () -> new FileCollector(folder).collect(List.of(device)));

        assertEquals("not a regular file: '/dev/null'", error.getMessage());
    }

    private void write(String name) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Resources: {}\n");
    }

    private static List<String> displayPaths(List<FileCollector.Candidate> found) {
        return found.stream().map(FileCollector.Candidate::displayPath).toList();
    }
}
