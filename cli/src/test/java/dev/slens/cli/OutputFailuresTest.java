package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OutputFailuresTest {

    private static final String TEMPORARY = "/out/.report.txt.1f.tmp";

    @Test
    void message_namesOutputNotTemporaryFile() {
        String message = OutputFailures.message(Path.of("out/report.txt"),
                new AccessDeniedException(TEMPORARY));

        assertEquals("cannot write report to 'out/report.txt': permission denied", message);
    }

    @Test
    void missingTemporaryFile_meansFolderRejectsFiles() {
        assertEquals("the folder does not allow new files",
                OutputFailures.reason(new NoSuchFileException(TEMPORARY)));
    }

    @Test
    void fileSystemReason_isLowercased() {
        assertEquals("read-only file system", OutputFailures.reason(
                new FileSystemException(TEMPORARY, null, "Read-only file system")));
    }

    @Test
    void plainIoMessage_isUsed() {
        assertEquals("no space left on device",
                OutputFailures.reason(new IOException("No space left on device")));
    }

    @Test
    void missingReason_getsGenericText() {
        assertEquals("the file system reported an error without a reason",
                OutputFailures.reason(new FileSystemException(TEMPORARY)));
    }
}
