package dev.slens.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as two lines on stderr, the problem and where to find help, and returns
 * exit code 2. picocli's default handler prints the whole usage help instead, which buries the
 * one line that matters.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        String unknownCommand = unknownCommand(failure, args);
        if (unknownCommand != null) {
            err.println("error: " + UnknownCommand.message(unknownCommand,
                    command.getSubcommands().keySet()));
            err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the"
                    + " list of commands.");
        } else {
            err.println("error: " + problem(failure, args));
            err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more"
                    + " information.");
        }
        err.flush();
        return ExitCode.USAGE.code();
    }

    /**
     * Returns the first argument when it is a word in the place of a subcommand that names
     * none, or {@code null}. An unknown option is left to picocli's message, which names it.
     */
    private static String unknownCommand(ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        boolean expectsCommand = !command.getSubcommands().isEmpty()
                && command.getCommandSpec().parent() == null;
        if (!(failure instanceof UnmatchedArgumentException unmatched) || !expectsCommand
                || unmatched.isUnknownOption() || args.length == 0) {
            return null;
        }
        List<String> words = unmatched.getUnmatched();
        boolean firstIsWord = !words.isEmpty() && words.get(0).equals(args[0])
                && !args[0].startsWith("-");
        return firstIsWord ? args[0] : null;
    }

    /**
     * Returns the message with a lowercase first word, as the other {@code error:} lines have,
     * followed by the closest known names when an option or command was misspelled. An option
     * given twice gets slens's own message, which names every occurrence.
     */
    private static String problem(ParameterException failure, String[] args) {
        if (failure instanceof OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof OptionSpec option) {
            return RepeatedOption.message(option, args);
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        boolean capitalizedWord = message.length() > 1 && Character.isUpperCase(message.charAt(0))
                && Character.isLowerCase(message.charAt(1));
        if (capitalizedWord) {
            message = message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
        }
        if (failure instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += " (did you mean '" + String.join("' or '", suggestions) + "'?)";
            }
        }
        return message;
    }
}
