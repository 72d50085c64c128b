package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.config.ClosestName;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.RuleMetadata;
import dev.slens.rules.RuleDocGenerator;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void ruleId_printsPageWithoutComment() {
        CommandRun run = CommandRun.of("explain", "SL1004");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("# SL1004: Lambda functions have active X-Ray tracing\n"),
                run.describe());
        assertFalse(run.out().contains("<!--"), run.describe());
        assertTrue(run.out().contains("| Same check in other tools | serverless-rules:"
                + " `WS1000`"), run.describe());
        assertTrue(run.out().endsWith(RuleDocGenerator.prose("SL1004")), run.describe());
        assertEquals("", run.err());
    }

    @Test
    void ruleId_matchesIgnoringCase() {
        CommandRun lower = CommandRun.of("explain", "sl1004");
        CommandRun upper = CommandRun.of("explain", "SL1004");

        assertEquals(0, lower.exitCode(), lower.describe());
        assertEquals(upper.out(), lower.out());
    }

    @Test
    void alias_namesRuleOnFirstLine() {
        CommandRun run = CommandRun.of("explain", "WS1000");

        assertEquals(0, run.exitCode(), run.describe());
        String firstLine = run.out().lines().findFirst().orElse("");
        assertEquals("WS1000 (serverless-rules) is an alias of SL1004.", firstLine);
        assertTrue(run.out().endsWith(CommandRun.of("explain", "SL1004").out()), run.describe());
    }

    @Test
    void alias_matchesIgnoringCase() {
        CommandRun run = CommandRun.of("explain", "serverless-lambdatracing");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("Serverless-LambdaTracing (cdk-nag) is an alias of"
                + " SL1004.\n\n"
                + "# SL1004: "), run.describe());
    }

    @Test
    void engineCheck_printsMetadataAndNote() {
        for (RuleMetadata check : EngineChecks.ALL) {
            CommandRun run = CommandRun.of("explain", check.id());

            assertEquals(0, run.exitCode(), run.describe());
            assertTrue(run.out().startsWith("# " + check.id() + ": " + check.summary() + "\n"),
                    run.describe());
            assertTrue(run.out().contains("| Name | " + check.name() + " |"), run.describe());
            assertTrue(run.out().contains("| Pillar | engine |"), run.describe());
            assertTrue(run.out().endsWith("\n" + ExplainCommand.ENGINE_CHECK_NOTE + "\n"),
                    run.describe());
        }
    }

    @Test
    void unknownId_suggestsClosestId() {
        CommandRun run = CommandRun.of("explain", "SL1O04");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("", run.out());
        assertEquals("error: unknown rule 'SL1O04' (did you mean 'SL1004'?)",
                run.err().lines().findFirst().orElse(""), run.describe());
        assertTrue(run.err().contains("Try 'slens explain --help'"), run.describe());
    }

    @Test
    void unknownId_withoutCloseIdHasNoSuggestion() {
        CommandRun run = CommandRun.of("explain", "nothing-like-it");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: unknown rule 'nothing-like-it'",
                run.err().lines().findFirst().orElse(""), run.describe());
    }

    @Test
    void missingId_isUsageError() {
        CommandRun run = CommandRun.of("explain");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: missing required parameter: 'ID'"),
                run.describe());
    }

    @Test
    void editDistance_countsSingleEdits() {
        assertEquals(0, ClosestName.distance("SL1004", "SL1004"));
        assertEquals(1, ClosestName.distance("SL104", "SL1004"));
        assertEquals(1, ClosestName.distance("SL1O04", "SL1004"));
        assertEquals(2, ClosestName.distance("SL1040", "SL1004"));
        assertEquals(6, ClosestName.distance("", "SL1004"));
    }

    @Test
    void help_listsExitCodes() {
        CommandRun run = CommandRun.of("explain", "--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Exit codes:"), run.describe());
        assertTrue(run.out().contains("unknown rule ID"), run.describe());
    }
}
