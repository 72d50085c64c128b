package dev.slens.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerFilesTest {

    @Test
    void pythonDottedModuleIsPackagePath() {
        HandlerFiles.Entry entry = HandlerFiles.entry(HandlerFiles.Language.PYTHON,
                "orders.api.main.handler");

        assertEquals("orders/api", entry.folder());
        assertEquals(List.of("main.py", "main/__init__.py"), entry.names());
    }

    @Test
    void nodeModuleEndsAtFirstDot() {
        HandlerFiles.Entry entry = HandlerFiles.entry(HandlerFiles.Language.NODE,
                "src/handlers/app.routes.get");

        assertEquals("src/handlers", entry.folder());
        assertEquals(List.of("app.js", "app.mjs", "app.cjs", "app.ts"), entry.names());
    }

    @Test
    void handlerWithoutModuleHasNoEntry() {
        assertNull(HandlerFiles.entry(HandlerFiles.Language.NODE, "handler"));
        assertNull(HandlerFiles.entry(HandlerFiles.Language.PYTHON, "handler"));
    }

    @Test
    void compiledRuntimesAreNotChecked() {
        assertNull(HandlerFiles.Language.of("java21"));
        assertNull(HandlerFiles.Language.of("provided.al2023"));
        assertNull(HandlerFiles.Language.of("dotnet8"));
        assertEquals(HandlerFiles.Language.RUBY, HandlerFiles.Language.of("ruby3.3"));
    }

    @Test
    void folderOutsideRootIsNotRead(@TempDir Path temp) throws IOException {
        Path root = Files.createDirectories(temp.resolve("project"));
        Files.createDirectories(temp.resolve("elsewhere"));
        Files.createDirectories(root.resolve("src"));

        assertNotNull(HandlerFiles.folderInside(root, "src/"));
        assertNull(HandlerFiles.folderInside(root, "../elsewhere"));
        assertNull(HandlerFiles.folderInside(root, "/tmp"));
        assertNull(HandlerFiles.folderInside(root, "missing/"));
    }

    @Test
    void linksAreNotFollowed(@TempDir Path temp) throws IOException {
        Path root = Files.createDirectories(temp.resolve("project"));
        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        Files.writeString(outside.resolve("app.py"), "");
        Files.createSymbolicLink(root.resolve("linked"), outside);
        Files.createSymbolicLink(root.resolve("app.py"), outside.resolve("app.py"));

        assertNull(HandlerFiles.folderInside(root, "linked"));
        assertTrue(HandlerFiles.exists(root.toRealPath(), "app.py"));
        assertFalse(HandlerFiles.exists(root.toRealPath(), "other.py"));
        assertTrue(HandlerFiles.fileNames(root.toRealPath()).isEmpty());
    }
}
