package dev.slens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The outcome of one slens command line run in-process, with stdout and stderr captured.
 *
 * @param exitCode the code the command returned
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

    /** Runs {@code args} through the same command tree as {@link Main}, without exiting. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /** Returns the path of a test resource in this package. */
    static Path resource(String name) {
        URL url = CommandRun.class.getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("test resource not found: " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the stdout and stderr text, for assertion messages. */
    String describe() {
        return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
    }
}
