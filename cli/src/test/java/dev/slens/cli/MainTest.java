package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private static final List<String> SUBCOMMANDS =
            List.of("scan", "rules", "explain", "expand", "init");

    @Test
    void commandLine_subcommandArgument_buildsOnlyThatSubcommand() {
        for (String name : SUBCOMMANDS) {
            CommandLine root = Main.commandLine(new String[] {name, "--help"});

            assertEquals(List.of(name), List.copyOf(root.getSubcommands().keySet()));
        }
    }

    @Test
    void commandLine_optionOrUnknownCommand_buildsAllSubcommands() {
        for (String first : List.of("--help", "--version", "scna")) {
            CommandLine root = Main.commandLine(new String[] {first});

            assertEquals(SUBCOMMANDS, List.copyOf(root.getSubcommands().keySet()), first);
        }
        assertEquals(SUBCOMMANDS, List.copyOf(Main.commandLine(new String[0])
                .getSubcommands().keySet()));
    }

    @Test
    void commandLine_singleSubcommand_matchesWholeTree() {
        CommandLine whole = Main.commandLine();
        for (String name : SUBCOMMANDS) {
            CommandLine alone = Main.commandLine(new String[] {name}).getSubcommands().get(name);
            CommandLine inWhole = whole.getSubcommands().get(name);

            String usage = alone.getUsageMessage(CommandLine.Help.Ansi.OFF);

            assertEquals(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF), usage, name);
            assertTrue(usage.contains("Exit codes:"), usage);
            assertEquals(inWhole.getCommandSpec().exitCodeOnInvalidInput(),
                    alone.getCommandSpec().exitCodeOnInvalidInput(), name);
            assertInstanceOf(UsageErrorHandler.class, alone.getParameterExceptionHandler(), name);
        }
    }

    @Test
    void scan_unknownOption_isUsageError() {
        CommandRun run = CommandRun.of("scan", "--no-such-option", "template.yaml");

        assertEquals(ExitCode.USAGE.code(), run.exitCode(), run.describe());
    }
}
