package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CommandErrorsTest {

    @Test
    void unexpectedFailure_printsOneLineWithoutDebug() {
        StringWriter err = new StringWriter();

        int code = CommandErrors.report(new PrintWriter(err), ExitCode.INTERNAL_ERROR,
                new IllegalStateException("index out of sync"), false, false);

        assertEquals(1, code);
        assertEquals("error: unexpected IllegalStateException: index out of sync"
                + " (run with --debug for the stack trace)", err.toString().strip());
    }

    @Test
    void unexpectedFailure_printsStackTraceWithDebug() {
        StringWriter err = new StringWriter();

        CommandErrors.report(new PrintWriter(err), ExitCode.INTERNAL_ERROR,
                new IllegalStateException("index out of sync"), false, true);

        assertTrue(err.toString().startsWith(
                "error: unexpected IllegalStateException: index out of sync\n"), err.toString());
        assertTrue(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void expectedFailure_printsMessageOnly() {
        StringWriter err = new StringWriter();

        int code = CommandErrors.report(new PrintWriter(err), ExitCode.USAGE,
                new IllegalArgumentException("path not found: 'x'"), true, false);

        assertEquals(2, code);
        assertEquals("error: path not found: 'x'", err.toString().strip());
    }
}
