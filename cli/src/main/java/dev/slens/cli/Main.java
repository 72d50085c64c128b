package dev.slens.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** The {@code slens} program: runs the command line and exits with its code. */
public final class Main {

    /**
     * The subcommands of {@code slens} by name, in the order that the usage help lists them.
     * They are registered here rather than in {@link SlensCommand}, so that a run builds only
     * the subcommand it calls: picocli reads each annotated command through reflection, and
     * building all five takes most of picocli's start-up time.
     */
    private static final Map<String, Supplier<CommandLine>> SUBCOMMANDS = subcommands();

    /**
     * The picocli system property that lists, as comma-separated regular expressions, the
     * classes whose built-in converters picocli skips.
     */
    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

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
        CommandLine commandLine = commandLine(args).setOut(out);
        int code = commandLine.execute(args);
        out.flush();
        System.exit(code);
    }

    /** Creates the whole command tree with slens's usage error handling. */
    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Creates the command tree that {@code args} needs, with slens's usage error handling. When
     * the first argument names a subcommand, the tree contains only that one, and its parsing,
     * help and errors are the same as in the whole tree. Otherwise, as for {@code --help} or an
     * unknown command, the tree contains every subcommand.
     */
    static CommandLine commandLine(String[] args) {
        // Every CommandLine registers picocli's converters for the java.time and java.sql
        // types through reflection, which initializes java.time's formatters. No slens option
        // needs them: --as-of has its own converter.
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
        }
        CommandLine root = new CommandLine(new SlensCommand().spec());
        String called = args.length > 0 && SUBCOMMANDS.containsKey(args[0]) ? args[0] : null;
        SUBCOMMANDS.forEach((name, factory) -> {
            if (called == null || called.equals(name)) {
                root.addSubcommand(name, factory.get());
            }
        });
        // Set after the subcommands are added, because picocli passes a handler on only to the
        // subcommands that exist at that moment.
        return root.setParameterExceptionHandler(new UsageErrorHandler());
    }

    /**
     * Returns a factory of each subcommand's {@code CommandLine}. Each builds a CommandLine, not
     * the bare command object, because picocli 4.7.7 drops the exit code list that
     * CommandDefaults sets when it wraps a bare subcommand object itself.
     */
    private static Map<String, Supplier<CommandLine>> subcommands() {
        Map<String, Supplier<CommandLine>> subcommands = new LinkedHashMap<>();
        subcommands.put("scan", () -> new CommandLine(new ScanCommand().spec()));
        subcommands.put("rules", () -> new CommandLine(new RulesCommand()));
        subcommands.put("explain", () -> new CommandLine(new ExplainCommand()));
        subcommands.put("expand", ExpandCommand::commandLine);
        subcommands.put("init", () -> new CommandLine(new InitCommand()));
        return subcommands;
    }
}
