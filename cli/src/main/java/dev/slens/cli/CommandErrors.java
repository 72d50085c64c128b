package dev.slens.cli;

import java.io.PrintWriter;

/** Prints a failure as one {@code error:} line on stderr, with the stack trace only on request. */
final class CommandErrors {

    private CommandErrors() {
    }

    /**
     * Prints {@code failure} and returns {@code code}. An expected failure shows its message
     * only; an unexpected one also names its exception type, because its message alone is often
     * meaningless. The stack trace follows when {@code debug} is set.
     */
    static int report(PrintWriter err, ExitCode code, Throwable failure, boolean expected,
            boolean debug) {
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        if (expected) {
            err.println("error: " + message);
        } else {
            err.println("error: unexpected " + failure.getClass().getSimpleName()
                    + (message.isEmpty() ? "" : ": " + message)
                    + (debug ? "" : " (run with --debug for the stack trace)"));
        }
        if (debug) {
            failure.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }
}
