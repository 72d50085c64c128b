package dev.slens.cli;

import dev.slens.report.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the message for an output file that could not be written: which file, and why in
 * plain words. Java's I/O exceptions name the hidden temporary file that
 * {@link AtomicFileWriter} writes first, and their class names mean nothing to a user, so
 * neither appears in the message.
 */
final class OutputFailures {

    private OutputFailures() {
    }

    /** Returns a message such as "cannot write report to 'out.txt': permission denied". */
    static String message(Path output, IOException failure) {
        return "cannot write report to '" + output + "': " + reason(failure);
    }

    /**
     * Returns why writing failed. The output folder was checked to exist before the scan, so a
     * missing file while creating the temporary file means that the folder rejects new files,
     * as {@code /proc} and similar virtual file systems do.
     */
    static String reason(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "the folder does not allow new files";
        }
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        String text = failure instanceof FileSystemException fileSystem
                ? fileSystem.getReason() : failure.getMessage();
        if (text == null || text.isBlank()) {
            return "the file system reported an error without a reason";
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
