package dev.slens.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a UTF-8 file so that readers see either the old content or the complete new content,
 * never a partial file: the text goes to a hidden temporary file in the same folder, which is
 * then renamed over the target. The temporary file is deleted when writing fails or the JVM
 * shuts down before the rename. A symbolic link is followed to the file it names, and a device
 * or named pipe is written directly. A rename within one folder is atomic on POSIX file systems and
 * on NTFS; where the file system refuses an atomic move, a plain replacing move is used.
 */
public final class AtomicFileWriter {

    /** The code that writes the content. */
    @FunctionalInterface
    public interface Content {
        /** Writes the whole content to {@code out}. */
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    /** Writes {@code content} to {@code target}, which stays untouched if writing fails. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.isSymbolicLink(absolute)) {
            // Renaming over a link would replace the link, so the file it points to is written.
            absolute = absolute.toRealPath();
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device or a named pipe, such as /dev/stdout, cannot be renamed over and is
            // written through instead.
            try (Writer out = Files.newBufferedWriter(absolute, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            return;
        }
        Path temporary = createTemporary(absolute);
        // A run stopped by a signal such as SIGTERM or Ctrl-C skips the finally block below, but
        // the JVM's shutdown still deletes the temporary file. After the rename this deletes
        // nothing, because no file has the temporary name any more. A killed JVM (SIGKILL)
        // leaves the hidden temporary file behind, never a partial report.
        temporary.toFile().deleteOnExit();
        boolean moved = false;
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            move(temporary, absolute);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /**
     * Creates an empty file beside {@code target}. {@code Files.createFile} is used instead of
     * {@code Files.createTempFile} because the latter makes the file readable by its owner only,
     * and the report would keep those permissions after the rename.
     */
    private static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong());
            Path candidate = target.resolveSibling("." + target.getFileName() + "." + suffix
                    + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
