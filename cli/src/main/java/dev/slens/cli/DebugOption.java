package dev.slens.cli;

import picocli.CommandLine.Option;

/** The {@code --debug} option of commands that have no progress to log. */
public final class DebugOption {

    @Option(names = "--debug", description = "Prints the stack trace of an error on stderr.")
    private boolean debug;

    /** Returns whether {@code --debug} was given. */
    public boolean debug() {
        return debug;
    }

    /** Configures slf4j-simple, as {@link LoggingOptions#configureLogging()} does. */
    public void configureLogging() {
        LoggingOptions.configure(debug ? "debug" : "warn");
    }
}
