package dev.slens.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code slens} program: runs the command line and exits with its code. */
public final class Main {

    private Main() {
    }

    /**
     * Runs slens with {@code args} and exits the JVM with the command's exit code. Reports on
     * stdout are UTF-8 whatever the platform encoding, because SARIF and JSON consumers expect
     * UTF-8 and Java 17 would otherwise encode stdout in the locale's charset.
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out,
                StandardCharsets.UTF_8));
        CommandLine commandLine = commandLine().setOut(out);
        int code = commandLine.execute(args);
        out.flush();
        System.exit(code);
    }

    /** Creates the command tree with slens's usage error handling, for this class and tests. */
    static CommandLine commandLine() {
        return new CommandLine(new SlensCommand())
                .setParameterExceptionHandler(new UsageErrorHandler());
    }
}
