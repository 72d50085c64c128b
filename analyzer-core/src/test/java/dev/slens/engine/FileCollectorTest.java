package dev.slens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    private void write(String name) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "Resources: {}\n");
    }

    private static List<String> displayPaths(List<FileCollector.Candidate> found) {
        return found.stream().map(FileCollector.Candidate::displayPath).toList();
    }
}
