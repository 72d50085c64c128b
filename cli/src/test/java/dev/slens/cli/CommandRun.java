package dev.slens.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * The outcome of one slens command line run in-process, with stdout and stderr captured.
 *
 * @param exitCode the code the command returned
 * @param out what the command printed on stdout
 * @param err what the command printed on stderr
 */
record CommandRun(int exitCode, String out, String err) {

    private static final long JVM_TIMEOUT_SECONDS = 60;

    /** Runs {@code args} through the same command tree as {@link Main}, without exiting. */
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine(args);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new CommandRun(code, out.toString(), err.toString());
    }

    /**
     * Runs {@link Main} with {@code args} in a new JVM on this test class path. Log lines need
     * this, because slf4j-simple fixes its level once per JVM and writes to the real stderr, so
     * a run inside the test JVM cannot show them.
     */
    static CommandRun inNewJvm(String... args) throws IOException, InterruptedException {
        return inNewJvm(List.of(), args);
    }

    /** Runs {@link Main} as above, with {@code jvmOptions} such as {@code -Xmx1g}. */
    static CommandRun inNewJvm(List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("slens-out", ".txt");
        Path err = Files.createTempFile("slens-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!process.waitFor(JVM_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("slens did not finish within "
                        + JVM_TIMEOUT_SECONDS + " s: " + command);
            }
            return new CommandRun(process.exitValue(), Files.readString(out),
                    Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
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
