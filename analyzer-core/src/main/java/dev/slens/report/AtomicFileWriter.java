package dev.slens.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a UTF-8 file so that readers see either the old content or the complete new content,
 * never a partial file: the text goes to a hidden temporary file in the same folder, which is
 * then renamed over the target. The temporary file is deleted when writing fails or the JVM
 * shuts down before the rename. A JVM killed with SIGKILL cannot delete it, so each write also
 * deletes the temporary files of the same target that an earlier process left. A symbolic link
 * is followed to the file it names, and a device or named pipe is written directly. A rename
 * within one folder is atomic on POSIX file systems and on NTFS; where the file system refuses
 * an atomic move, a plain replacing move is used.
 */
public final class AtomicFileWriter {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileWriter.class);

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
        // leaves the hidden temporary file behind, never a partial report, and the next write
        // of the same target deletes it.
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
        deleteStaleTemporaries(absolute);
    }

    /**
     * Deletes the temporary files that an earlier write of {@code target} left, such as one killed
     * with SIGKILL. A file is deleted only when its name has the form that
     * {@link #createTemporary} gives it for this target and the process whose ID the name
     * contains is no longer running, so the temporary file of a run that is writing the same
     * report now is kept. A file that cannot be deleted is logged and left.
     */
    private static void deleteStaleTemporaries(Path target) {
        Path folder = target.getParent();
        if (folder == null) {
            return;
        }
        Pattern ownName = Pattern.compile(Pattern.quote("." + target.getFileName() + ".")
                + "([0-9]{1,19})-[0-9a-f]{1,16}" + Pattern.quote(".tmp"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                file -> ownName.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                Matcher name = ownName.matcher(file.getFileName().toString());
                if (name.matches() && !isRunning(name.group(1))) {
                    deleteRegularFile(file);
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.warn("Failed to look for stale temporary files of '{}': {}", target, e.toString());
        }
    }

    /** Returns whether the process with the ID {@code pid} may still run on this machine. */
    private static boolean isRunning(String pid) {
        try {
            long id = Long.parseLong(pid);
            return id == ProcessHandle.current().pid()
                    || ProcessHandle.of(id).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void deleteRegularFile(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (attributes.isRegularFile()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            LOG.warn("Failed to delete the stale temporary file '{}': {}", file, e.toString());
        }
    }

    /**
     * Creates an empty file beside {@code target}. {@code Files.createFile} is used instead of
     * {@code Files.createTempFile} because the latter makes the file readable by its owner only,
     * and the report would keep those permissions after the rename.
     */
    private static Path createTemporary(Path target) throws IOException {
        for (int attempt = 0; ; attempt++) {
            // A later write deletes the file only after the process with this ID has ended.
            String suffix = ProcessHandle.current().pid() + "-"
                    + Long.toHexString(ThreadLocalRandom.current().nextLong());
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
