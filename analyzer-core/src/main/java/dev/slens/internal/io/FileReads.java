package dev.slens.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/**
 * Opens the files that slens reads from the analyzed project: templates, service files, the
 * files they include, nested templates and the files of local deployment packages. Each open
 * first calls the installed {@link ReadCheck}, which allows every read unless a test installs
 * one that fails. A test that runs as root, which may read any file, can so still give slens a
 * file it cannot read.
 */
public final class FileReads {

    /** Decides, before slens opens a file, whether the read fails. */
    @FunctionalInterface
    public interface ReadCheck {
        /**
         * Throws the exception that reading {@code path} fails with, such as
         * {@link java.nio.file.AccessDeniedException}, or returns to let the read go ahead.
         */
        void check(Path path) throws IOException;
    }

    private static final ReadCheck ALLOW_ALL = path -> { };

    private static volatile ReadCheck readCheck = ALLOW_ALL;

    private FileReads() {
    }

    /** Opens {@code path} for reading, as {@link Files#newInputStream} does. */
    public static InputStream newInputStream(Path path) throws IOException {
        readCheck.check(path);
        return Files.newInputStream(path);
    }

    /** Reads all bytes of {@code path}, as {@link Files#readAllBytes} does. */
    public static byte[] readAllBytes(Path path) throws IOException {
        readCheck.check(path);
        return Files.readAllBytes(path);
    }

    /** Opens {@code path} as a zip file, which reads its central directory. */
    public static ZipFile openZip(Path path) throws IOException {
        readCheck.check(path);
        return new ZipFile(path.toFile());
    }

    /**
     * Installs {@code check} for every later read in this JVM, from every thread, until
     * {@link #allowAll()}. Only tests call this.
     */
    public static void install(ReadCheck check) {
        readCheck = check;
    }

    /** Removes an installed {@link ReadCheck}, so that every read goes ahead again. */
    public static void allowAll() {
        readCheck = ALLOW_ALL;
    }
}
