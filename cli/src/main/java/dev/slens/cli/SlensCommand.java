package dev.slens.cli;

import dev.slens.Version;
import java.util.Map;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The root {@code slens} command, which only dispatches to its subcommands. {@link Main} adds
 * the subcommands. Like {@code scan}, it is built through picocli's programmatic API; see
 * {@link CommandSpecs}.
 */
public final class SlensCommand implements Runnable, ExitCodeHelp {

    private final CommandSpec spec = CommandSpecs.command("slens", this);

    SlensCommand() {
        spec.usageMessage()
                .description("Checks AWS SAM and CloudFormation templates against serverless"
                        + " best practices.")
                .footer("", "Run 'slens COMMAND --help' for the options and exit codes of a"
                        + " command.");
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** Returns the command's model, to build a {@code CommandLine} from. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "Help or version information was printed.",
                ExitCode.USAGE, "Usage error, such as a missing or unknown command.");
    }

    /** Rejects a call without a subcommand as a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: give 'scan', 'rules',"
                + " 'explain', 'expand' or 'init'");
    }

    /** Prints the slens version and the Java runtime it runs on, for bug reports. */
    public static final class VersionProvider implements IVersionProvider {

        @Override
        public String[] getVersion() {
            return new String[] {
                "slens " + Version.current(),
                "Java " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ")",
            };
        }
    }
}
