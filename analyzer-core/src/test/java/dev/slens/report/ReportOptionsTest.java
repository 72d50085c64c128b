package dev.slens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportOptionsTest {

    @TempDir
    private Path temp;

    @Test
    void defaultRoot_baseRepositoryContainingPaths() throws IOException {
        Path repository = Files.createDirectories(temp.resolve("repo"));
        Files.createDirectories(repository.resolve(".git"));
        Path infra = Files.createDirectories(repository.resolve("infra"));

        assertEquals(repository, ReportOptions.defaultSourceRoot(infra, List.of(infra)));
    }

    @Test
    void defaultRoot_scannedRepositoryWhenBaseOutside() throws IOException {
        Path repository = Files.createDirectories(temp.resolve("x/repo"));
        Files.createDirectories(repository.resolve(".git"));
        Path infra = Files.createDirectories(repository.resolve("infra"));
        Path template = Files.writeString(infra.resolve("t.yaml"), "Resources: {}\n");

        assertEquals(repository, ReportOptions.defaultSourceRoot(temp, List.of(infra)));
        assertEquals(repository, ReportOptions.defaultSourceRoot(temp, List.of(template)));
    }

    @Test
    void defaultRoot_scannedRepositoryWhenBaseInOtherRepository() throws IOException {
        Path other = Files.createDirectories(temp.resolve("other"));
        Files.createDirectories(other.resolve(".git"));
        Path repository = Files.createDirectories(temp.resolve("repo"));
        Files.writeString(repository.resolve(".git"), "gitdir: /elsewhere\n");

        assertEquals(repository, ReportOptions.defaultSourceRoot(other, List.of(repository)));
    }

    @Test
    void defaultRoot_baseWithoutAnyRepository() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("plain"));

        Path root = ReportOptions.defaultSourceRoot(folder, List.of(folder));

        // The temporary folder may itself lie in a work tree, which is then the root.
        Path enclosing = ReportOptions.findRepositoryRoot(folder);
        assertEquals(enclosing == null ? folder : enclosing, root);
    }

    @Test
    void warning_namesFilesOutsideSourceRoot() throws IOException {
        Path root = Files.createDirectories(temp.resolve("repo"));
        Path outside = temp.resolve("elsewhere/t.yaml");
        ReportOptions options = new ReportOptions(temp, root);
        List<SourceFile> files = List.of(
                new SourceFile(root.resolve("a.yaml"), "repo/a.yaml", List.of()),
                new SourceFile(outside, "elsewhere/t.yaml", List.of()));

        String warning = options.outsideSourceRootWarning(files);

        assertTrue(warning.startsWith("1 of 2 files, such as '" + outside + "', are outside the"
                + " source root '" + root + "'"), warning);
        assertTrue(warning.contains("absolute file: URIs"), warning);
    }

    @Test
    void warning_noneWhenAllInside() {
        ReportOptions options = new ReportOptions(temp, temp);
        List<SourceFile> files = List.of(
                new SourceFile(temp.resolve("a.yaml"), "a.yaml", List.of()));

        assertNull(options.outsideSourceRootWarning(files));
    }
}
