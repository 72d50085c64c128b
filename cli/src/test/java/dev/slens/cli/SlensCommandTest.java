package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.Version;
import dev.slens.report.ReportFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SlensCommandTest {

    private static final Pattern EXIT_CODE_LINE = Pattern.compile("^  (\\d+)   \\S");

    @Test
    void help_listsOwnExitCodes() {
        CommandRun run = CommandRun.of("--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("0", "2"), exitCodesIn(run.out()), run.describe());
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
        assertEquals(List.of("0", "1", "2", "4", "5"), exitCodesIn(run.out()), run.describe());
        for (ReportFormat format : ReportFormat.values()) {
            String name = format.name().toLowerCase(Locale.ROOT);
            assertTrue(run.out().contains(name), "format " + name + " missing\n" + run.out());
        }
        assertTrue(run.out().contains("error, warning, info, none"), run.describe());
    }

    @Test
    void rulesHelp_describesOnlyRulesCommand() {
        CommandRun run = CommandRun.of("rules", "--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(List.of("0", "1", "2"), exitCodesIn(run.out()), run.describe());
        assertFalse(run.out().contains("--fail-on"), run.describe());
        assertFalse(run.out().contains("--verbose"), run.describe());
        assertFalse(run.out().contains("skipped"), run.describe());
        assertTrue(run.out().contains("--debug"), run.describe());
    }

    @Test
    void version_printsCoreVersion() {
        CommandRun run = CommandRun.of("--version");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("slens " + Version.current()), run.describe());
    }

    /** Returns the codes listed under "Exit codes:" in {@code help}, in order. */
    private static List<String> exitCodesIn(String help) {
        List<String> lines = help.lines().toList();
        int heading = lines.indexOf("Exit codes:");
        assertTrue(heading >= 0, "no exit code list in\n" + help);
        List<String> codes = new ArrayList<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            Matcher code = EXIT_CODE_LINE.matcher(line);
            if (code.find()) {
                codes.add(code.group(1));
            }
        }
        return codes;
    }
}
