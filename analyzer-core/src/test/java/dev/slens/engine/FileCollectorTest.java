package dev.slens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.AnalyzerException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
    void linkInFolder_takenOnceUnderTarget() throws IOException {
        write("infra/template.yaml");
        Files.createSymbolicLink(folder.resolve("infra/link.yaml"), Path.of("template.yaml"));
        Files.createSymbolicLink(folder.resolve("alias.yaml"), Path.of("infra/template.yaml"));

        List<FileCollector.Candidate> found = new FileCollector(folder)
                .collect(List.of(folder));

        assertEquals(List.of("infra/template.yaml"), displayPaths(found));
    }

    @Test
    void namedLink_takenOnceUnderTarget() throws IOException {
        write("template.yaml");
        Path link = Files.createSymbolicLink(folder.resolve("link.yaml"),
                Path.of("template.yaml"));

        List<FileCollector.Candidate> folderFirst = new FileCollector(folder)
                .collect(List.of(folder, link));
        List<FileCollector.Candidate> linkFirst = new FileCollector(folder)
                .collect(List.of(link, folder));

        assertEquals(List.of("template.yaml"), displayPaths(folderFirst));
        assertEquals(List.of("template.yaml"), displayPaths(linkFirst));
    }

    @Test
    void linkLeavingFolder_notRead() throws IOException {
        write("outside/secret.yaml");
        Files.createDirectories(folder.resolve("project"));
        Files.createSymbolicLink(folder.resolve("project/leak.yaml"),
                Path.of("../outside/secret.yaml"));

        List<FileCollector.Candidate> found = new FileCollector(folder)
                .collect(List.of(folder.resolve("project")));

        assertEquals(List.of(), displayPaths(found));
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

    @Test
    void unreadableFolder_reportedWhileOthersCollected() throws IOException {
        write("open/t.yaml");
        write("closed/hidden.yaml");
        FileCollector collector = new FileCollector(folder, PathExcludes.NONE,
                FileCollectorTest::walkWithClosedFolder);

        List<FileCollector.Candidate> found = collector.collect(List.of(folder));

        assertEquals(List.of("open/t.yaml"), displayPaths(found));
        assertEquals(List.of(new FileCollector.Unreadable(folder.resolve("closed"), "closed",
                "the folder cannot be read: permission denied")), collector.unreadable());
    }

    @Test
    void namedLinkLoop_reportedWhileOthersCollected() throws IOException {
        write("t.yaml");
        Path first = Files.createSymbolicLink(folder.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(folder.resolve("b.yaml"), Path.of("a.yaml"));
        FileCollector collector = new FileCollector(folder);

        List<FileCollector.Candidate> found = collector.collect(List.of(first,
                folder.resolve("t.yaml")));

        assertEquals(List.of("t.yaml"), displayPaths(found));
        assertEquals(List.of(new FileCollector.Unreadable(first, "a.yaml", "the path is a"
                + " symbolic link loop: its links point at each other")), collector.unreadable());
    }

    @Test
    void skippedLinks_counted() throws IOException {
        write("t.yaml");
        Files.createSymbolicLink(folder.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(folder.resolve("b.yaml"), Path.of("a.yaml"));
        Files.createSymbolicLink(folder.resolve("gone.yaml"), Path.of("none.yaml"));
        Files.createSymbolicLink(folder.resolve("up"), Path.of(".."));
        FileCollector collector = new FileCollector(folder);

        List<FileCollector.Candidate> found = collector.collect(List.of(folder));

        assertEquals(List.of("t.yaml"), displayPaths(found));
        assertEquals(4, collector.skipped());
        assertEquals(List.of(), collector.unreadable());
    }

    /** Walks like the JDK, but fails to open any folder named 'closed', as for a 000 folder. */
    private static void walkWithClosedFolder(Path root, FileVisitor<Path> visitor)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
                    throws IOException {
                if (dir.getFileName().toString().equals("closed")) {
                    visitor.visitFileFailed(dir, new AccessDeniedException(dir.toString()));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return visitor.preVisitDirectory(dir, attributes);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                    throws IOException {
                return visitor.visitFile(file, attributes);
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e)
                    throws IOException {
                return visitor.postVisitDirectory(dir, e);
            }
        });
    }
}
