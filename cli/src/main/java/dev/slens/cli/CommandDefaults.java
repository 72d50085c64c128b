package dev.slens.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Settings every slens command shares, applied through picocli's model transformer so that
 * they hold however the command line is built, in {@link Main} and in tests alike: enum option
 * values are matched ignoring case, and {@code --help} lists the exit codes that the command
 * declares through {@link ExitCodeHelp}.
 */
public final class CommandDefaults implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().caseInsensitiveEnumValuesAllowed(true);
        if (spec.userObject() instanceof ExitCodeHelp command) {
            spec.usageMessage().exitCodeListHeading("%nExit codes:%n");
            spec.usageMessage().exitCodeList(ExitCode.helpList(command.exitCodes()));
        }
        spec.exitCodeOnInvalidInput(ExitCode.USAGE.code());
        spec.exitCodeOnExecutionException(ExitCode.INTERNAL_ERROR.code());
        return spec;
    }
}
