package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UsageErrorHandlerTest {

    private static final String FUNCTION = CommandRun.resource("function.yaml").toString();
    private static final String SCAN_HINT = "Try 'slens scan --help' for more information.";
    private static final String ROOT_LIST_HINT = "Run 'slens --help' for the list of commands.";

    @Test
    void unknownOption_printsErrorAndHint() {
        CommandRun run = CommandRun.of("scan", "--no-such-option", FUNCTION);

        assertUsageError(run, "error: unknown option: '--no-such-option'", SCAN_HINT);
    }

    @Test
    void misspelledOption_suggestsClosestName() {
        CommandRun run = CommandRun.of("scan", "--formt", "sarif", FUNCTION);

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: unknown option: '--formt' (did you mean '--format'?)",
                run.err().lines().findFirst().orElseThrow(), run.describe());
    }

    @Test
    void badFormat_listsLowercaseValues() {
        CommandRun run = CommandRun.of("scan", "--format", "pdf", FUNCTION);

        assertUsageError(run, "error: invalid value for option '--format' (FORMAT[=FILE]):"
                + " expected one of text, sarif, json, github, gitlab, junit, html but was 'pdf'",
                SCAN_HINT);
    }

    @Test
    void badFailOn_listsLowercaseValues() {
        CommandRun run = CommandRun.of("scan", "--fail-on", "fatal", FUNCTION);

        assertUsageError(run, "error: invalid value for option '--fail-on': expected one of"
                + " error, warning, info, none but was 'fatal'", SCAN_HINT);
    }

    @Test
    void badAsOf_namesDateForm() {
        CommandRun run = CommandRun.of("scan", "--as-of", "2024-13-01", FUNCTION);

        assertUsageError(run, "error: invalid value for option '--as-of': '2024-13-01' is not a"
                + " date in the form YYYY-MM-DD", SCAN_HINT);
    }

    @Test
    void asOfWithToday_namesOneToKeep() {
        CommandRun run = CommandRun.of("scan", "--as-of", "2026-01-01", "--today=2026-01-02",
                FUNCTION);

        assertUsageError(run, "error: '--today' is another name for '--as-of', which takes one"
                + " value but was given twice: '--as-of 2026-01-01' and '--today 2026-01-02';"
                + " keep only '--as-of'", SCAN_HINT);
    }

    @Test
    void asOfTwice_namesBothValues() {
        CommandRun run = CommandRun.of("scan", "--as-of=2026-01-01", "--as-of", "2026-01-02",
                FUNCTION);

        assertUsageError(run, "error: option '--as-of' takes one value but was given twice:"
                + " '--as-of 2026-01-01' and '--as-of 2026-01-02'; give it once", SCAN_HINT);
    }

    @Test
    void baseDirThreeTimes_countsOccurrences() {
        CommandRun run = CommandRun.of("scan", "--base-dir", "a", "--base-dir", "b",
                "--base-dir", "c", FUNCTION);

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: option '--base-dir' takes one value but was given 3 times:"
                + " '--base-dir a' and '--base-dir b' and '--base-dir c'; give it once",
                run.err().lines().findFirst().orElseThrow(), run.describe());
    }

    @Test
    void noPath_printsErrorAndHint() {
        CommandRun run = CommandRun.of("scan");

        assertUsageError(run, "error: missing required parameter: 'PATH'", SCAN_HINT);
    }

    @Test
    void rulesBadFormat_hintsRulesHelp() {
        CommandRun run = CommandRun.of("rules", "--format", "xml");

        assertUsageError(run, "error: invalid value for option '--format': expected one of"
                + " text, json, markdown but was 'xml'",
                "Try 'slens rules --help' for more information.");
    }

    @Test
    void noCommand_hintsRootHelp() {
        CommandRun run = CommandRun.of();

        assertUsageError(run,
                "error: missing command: give 'scan', 'rules', 'explain', 'expand' or 'init'",
                "Try 'slens --help' for more information.");
    }

    @Test
    void unknownCommand_suggestsClosestName() {
        CommandRun run = CommandRun.of("scna", FUNCTION);

        assertUsageError(run, "error: unknown command 'scna' (did you mean 'scan'?)",
                ROOT_LIST_HINT);
    }

    @Test
    void unknownCommandPrefix_suggestsEveryMatch() {
        CommandRun run = CommandRun.of("ex", FUNCTION);

        assertUsageError(run, "error: unknown command 'ex' (did you mean 'explain' or"
                + " 'expand'?)", ROOT_LIST_HINT);
    }

    @Test
    void unknownCommandFarFromAll_namesWordOnly() {
        CommandRun run = CommandRun.of("deploy");

        assertUsageError(run, "error: unknown command 'deploy'", ROOT_LIST_HINT);
    }

    @Test
    void templateWithoutScan_suggestsScanCommand() {
        CommandRun run = CommandRun.of(FUNCTION);

        assertUsageError(run, "error: unknown command '" + FUNCTION + "'; to analyze that"
                + " path, run 'slens scan " + FUNCTION + "'", ROOT_LIST_HINT);
    }

    @Test
    void unknownRootOption_keepsOptionMessage() {
        CommandRun run = CommandRun.of("--formt", "json");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("Try 'slens --help' for more information.",
                run.err().lines().skip(1).findFirst().orElseThrow(), run.describe());
    }

    @Test
    void closestCommand_matchesMisspellingsOnly() {
        List<String> commands = List.of("scan", "rules", "explain", "expand", "init");

        assertEquals(List.of("scan"), UnknownCommand.closest("scna", commands));
        assertEquals(List.of("scan"), UnknownCommand.closest("SCAN", commands));
        assertEquals(List.of("rules"), UnknownCommand.closest("rule", commands));
        assertEquals(List.of("explain"), UnknownCommand.closest("explian", commands));
        assertEquals(List.of("init"), UnknownCommand.closest("int", commands));
        assertEquals(List.of(), UnknownCommand.closest("x", commands));
        assertEquals(List.of(), UnknownCommand.closest("run", commands));
        assertEquals(List.of(), UnknownCommand.closest("check", commands));
    }

    private static void assertUsageError(CommandRun run, String error, String hint) {
        assertEquals(2, run.exitCode(), run.describe());
        assertEquals(List.of(error, hint), run.err().lines().toList(), run.describe());
        assertEquals("", run.out(), run.describe());
    }
}
