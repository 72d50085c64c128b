package dev.slens.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.internal.files.ProjectPath.Resolved;
import dev.slens.internal.files.ProjectPath.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectPathTest {

    @TempDir
    Path root;

    private Path project;

    @BeforeEach
    void writeFolders() throws IOException {
        project = Files.createDirectory(root.resolve("proj"));
        Path outside = Files.createDirectory(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.yaml"), "a: 1\n");
        Files.writeString(project.resolve("inside.yaml"), "a: 1\n");
        Files.createDirectory(project.resolve("sub"));
        Files.createSymbolicLink(project.resolve("out.yaml"), Path.of("../outside/secret.yaml"));
        Files.createSymbolicLink(project.resolve("linkdir"), Path.of("../outside"));
        Files.createSymbolicLink(project.resolve("in.yaml"), Path.of("sub/../inside.yaml"));
        Files.createSymbolicLink(project.resolve("dangling.yaml"), Path.of("nothing.yaml"));
        Files.createSymbolicLink(project.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(project.resolve("b.yaml"), Path.of("a.yaml"));
        Files.createSymbolicLink(project.resolve("self"), Path.of("self"));
    }

    @Test
    void insideFileAndFolder() {
        assertEquals(Status.FILE, status("inside.yaml"));
        assertEquals(Status.FILE, status("sub/../inside.yaml"));
        assertEquals(Status.FOLDER, status("sub"));
    }

    @Test
    void linkInsideProjectIsFollowed() {
        Resolved resolved = resolve("in.yaml");

        assertEquals(Status.FILE, resolved.status());
        assertEquals(project.resolve("in.yaml"), resolved.path());
        assertTrue(resolved.real().endsWith("proj/inside.yaml"), resolved.real().toString());
    }

    @Test
    void linksLeavingProject() {
        assertEquals(Status.LINK_OUTSIDE, status("out.yaml"));
        assertEquals(Status.LINK_OUTSIDE, status("linkdir/secret.yaml"));
        assertEquals(Status.LINK_OUTSIDE, status("linkdir"));
        assertEquals("is a link that leaves the project folder '" + project + "'",
                resolve("out.yaml").problem(project));
    }

    @Test
    void namesLeavingProject() {
        assertEquals(Status.OUTSIDE, status("../outside/secret.yaml"));
        assertEquals(Status.OUTSIDE, status("sub/../../outside/secret.yaml"));
        assertEquals(Status.OUTSIDE, status(root.resolve("outside/secret.yaml").toString()));
        assertTrue(resolve("../x").outside());
    }

    @Test
    void missingAndDanglingLinks() {
        assertEquals(Status.MISSING, status("none.yaml"));
        assertEquals(Status.MISSING, status("dangling.yaml"));
        assertEquals("was not found", resolve("none.yaml").problem(project));
    }

    @Test
    void linkLoops() {
        assertEquals(Status.LOOP, status("a.yaml"));
        assertEquals(Status.LOOP, status("self"));
        assertEquals(Status.LOOP, status("self/x.yaml"));
        assertEquals("is a symbolic link loop: its links point at each other",
                resolve("a.yaml").problem(project));
    }

    @Test
    void invalidName() {
        Resolved resolved = resolve("bad\0name.yaml");

        assertEquals(Status.UNREADABLE, resolved.status());
        assertTrue(resolved.problem(project).startsWith("cannot be read: it is not a valid path"),
                resolved.problem(project));
    }

    private Resolved resolve(String relative) {
        return ProjectPath.resolve(project, project, relative);
    }

    private Status status(String relative) {
        return resolve(relative).status();
    }
}
