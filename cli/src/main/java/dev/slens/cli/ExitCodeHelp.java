package dev.slens.cli;

import java.util.Map;

/** A command that lists the exit codes it can return in its {@code --help}. */
interface ExitCodeHelp {

    /** Returns each exit code this command can return, with its meaning for this command. */
    Map<ExitCode, String> exitCodes();
}
