package dev.slens.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code --verbose} and {@code --debug} options of {@code slens scan}. They set the
 * level of the slf4j-simple backend, which prints to stderr so that reports on stdout stay
 * valid.
 */
public final class LoggingOptions {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private final OptionSpec verbose = CommandSpecs.flag("Logs on stderr each skipped file,"
            + " each report file written, and one closing line with the number of files,"
            + " findings and skipped files and the time taken.", "-v", "--verbose");

    private final OptionSpec debug = CommandSpecs.flag("Logs what --verbose logs plus the"
            + " engine's DEBUG messages, and prints the stack trace of an error on stderr.",
            "--debug");

    /** Returns the options as a picocli mixin, for {@link CommandSpec#addMixin}. */
    CommandSpec mixin() {
        return CommandSpec.create().addOption(verbose).addOption(debug);
    }

    /** Returns whether {@code --verbose} or {@code --debug} was given. */
    public boolean verbose() {
        return CommandSpecs.isSet(verbose) || debug();
    }

    /** Returns whether {@code --debug} was given. */
    public boolean debug() {
        return CommandSpecs.isSet(debug);
    }

    /**
     * Configures slf4j-simple from these options. slf4j-simple reads its settings once, when the
     * first logger is created, so this must run before any slens class that logs is loaded.
     * A {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} given to the JVM is overridden.
     */
    public void configureLogging() {
        String level = "warn";
        if (debug()) {
            level = "debug";
        } else if (verbose()) {
            level = "info";
        }
        configure(level);
    }

    /**
     * Sets the slf4j-simple default {@code level} and prints log lines on stderr. The class that
     * logs is shown only at DEBUG level, where it helps to find the code, so {@code --verbose}
     * lines read as plain messages.
     */
    static void configure(String level) {
        System.setProperty(PREFIX + "defaultLogLevel", level);
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showLogName", "false");
        setIfAbsent("showShortLogName", Boolean.toString(level.equals("debug")));
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
