package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.Version;
import dev.slens.report.ReportFormat;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SlensCommandTest {

    @Test
    void help_listsEveryExitCode() {
        CommandRun run = CommandRun.of("--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Exit codes:"), run.describe());
        for (ExitCode code : ExitCode.values()) {
            assertTrue(run.out().contains("  " + code.code() + "   "), "code " + code.code()
                    + " missing from\n" + run.out());
        }
    }

    @Test
    void help_listsSubcommands() {
        CommandRun run = CommandRun.of("--help");

        assertTrue(run.out().contains("scan"), run.describe());
        assertTrue(run.out().contains("rules"), run.describe());
    }

    @Test
    void scanHelp_listsExitCodesAndFormats() {
        CommandRun run = CommandRun.of("scan", "--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Exit codes:"), run.describe());
        for (ReportFormat format : ReportFormat.values()) {
            String name = format.name().toLowerCase(Locale.ROOT);
            assertTrue(run.out().contains(name), "format " + name + " missing\n" + run.out());
        }
        assertTrue(run.out().contains("error, warning, info, none"), run.describe());
    }

    @Test
    void version_printsCoreVersion() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("slens " + Version.current()), run.describe());
    }
}
