package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rules.RuleDocGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RulesCommandTest {

    @Test
    void text_listsEngineChecks() {
        CommandRun run = CommandRun.of("rules");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().startsWith("ID "), run.describe());
        for (RuleMetadata check : EngineChecks.ALL) {
            assertTrue(run.out().contains(check.id()), check.id() + " missing\n" + run.out());
            assertTrue(run.out().contains(check.name()), check.name() + " missing\n" + run.out());
        }
    }

    @Test
    void text_alignsColumnsAfterLongestName() {
        CommandRun run = CommandRun.of("rules");

        List<String> lines = run.out().lines().toList();
        String header = lines.get(0);
        int aliases = header.indexOf("ALIASES");
        assertEquals(RulesCommand.allRules().size() + 1, lines.size(), run.describe());
        for (String line : lines) {
            assertEquals(' ', line.charAt(aliases - 1), "no space before ALIASES in: " + line);
            assertTrue(line.charAt(aliases) != ' ', "ALIASES misaligned in: " + line);
        }
        String asyncRule = lines.stream().filter(line -> line.startsWith("SL1001 ")).findFirst()
                .orElseThrow();
        assertTrue(asyncRule.substring(aliases).startsWith("serverless-rules: ES1007"),
                run.describe());
    }

    @Test
    void text_groupsAliasesByTool() {
        CommandRun run = CommandRun.of("rules");

        String authorization = run.out().lines().filter(line -> line.startsWith("SL2001 "))
                .findFirst().orElseThrow();
        assertTrue(authorization.endsWith(" cfn_nag: W59; checkov: CKV_AWS_59; cdk-nag:"
                + " AwsSolutions-APIG4, AwsSolutions-COG4; KICS: 1056dfbb, 3641d5b4;"
                + " Trivy: AWS-0004"), authorization);
    }

    @Test
    void json_namesToolOfEachAlias() throws Exception {
        CommandRun run = CommandRun.of("rules", "--format", "json");

        JsonNode rules = new ObjectMapper().readTree(run.out());
        JsonNode authorization = null;
        for (JsonNode rule : rules) {
            if (rule.path("id").asText().equals("SL2001")) {
                authorization = rule;
            }
        }
        assertNotNull(authorization, run.out());
        assertEquals("W59", authorization.at("/aliases/0").asText());
        assertEquals("cfn_nag", authorization.at("/aliasTools/W59").asText());
        assertEquals("checkov", authorization.at("/aliasTools/CKV_AWS_59").asText());
        assertEquals("KICS", authorization.at("/aliasTools/1056dfbb").asText());
        assertEquals("Trivy", authorization.at("/aliasTools/AWS-0004").asText());
        assertEquals(authorization.path("aliases").size(), authorization.path("aliasTools").size());
    }

    @Test
    void json_parsesWithOneEntryPerRule() throws Exception {
        CommandRun run = CommandRun.of("rules", "--format", "json");

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode rules = new ObjectMapper().readTree(run.out());
        assertTrue(rules.isArray(), run.out());
        assertEquals(RulesCommand.allRules().size(), rules.size());
        List<String> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.path("id").asText()));
        assertEquals(ids.stream().sorted().toList(), ids, "rules are not in ID order");
    }

    @Test
    void json_describesParseErrorCheck() throws Exception {
        CommandRun run = CommandRun.of("rules", "--format", "JSON");

        JsonNode first = new ObjectMapper().readTree(run.out()).get(0);
        assertEquals("SL0001", first.path("id").asText());
        assertEquals("error", first.path("severity").asText());
        assertEquals("engine", first.path("pillar").asText());
        assertTrue(first.path("enabledByDefault").asBoolean());
        assertTrue(first.path("aliases").isArray());
    }

    @Test
    void help_listsLowercaseFormats() {
        CommandRun run = CommandRun.of("rules", "--help");

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("Output format, one of: text, json, markdown."),
                run.describe());
    }

    @Test
    void markdown_printsIndexWithoutEngineChecks() {
        CommandRun run = CommandRun.of("rules", "--format", "markdown");

        assertEquals(0, run.exitCode(), run.describe());
        List<RuleMetadata> rules = RulesCommand.allRules().stream()
                .filter(rule -> rule.pillar() != Pillar.ENGINE).toList();
        assertEquals(RuleDocGenerator.index(rules), run.out());
        assertFalse(run.out().contains("SL0001"), run.describe());
        assertTrue(run.out().contains("| [SL1004](SL1004.md) |"), run.describe());
    }

    @Test
    void pillar_filtersEveryFormat() throws Exception {
        CommandRun text = CommandRun.of("rules", "--pillar", "operational");
        CommandRun json = CommandRun.of("rules", "--pillar", "OPERATIONAL", "--format", "json");
        CommandRun markdown = CommandRun.of("rules", "--pillar", "operational", "-f", "markdown");

        assertEquals(0, text.exitCode(), text.describe());
        List<String> operational = idsWhere(rule -> rule.pillar() == Pillar.OPERATIONAL_EXCELLENCE);
        assertTrue(operational.containsAll(List.of("SL1003", "SL1004")), operational.toString());
        assertEquals(operational, textIds(text));
        assertEquals(operational, jsonIds(json));
        assertTrue(markdown.out().contains("## operational"), markdown.describe());
        assertFalse(markdown.out().contains("## security"), markdown.describe());
    }

    @Test
    void pillar_repeatedListsEither() {
        CommandRun run = CommandRun.of("rules", "--pillar", "cost", "--pillar", "security");

        List<String> expected = idsWhere(rule -> rule.pillar() == Pillar.COST
                || rule.pillar() == Pillar.SECURITY);
        assertTrue(expected.containsAll(List.of("SL1005", "SL1006")), expected.toString());
        assertEquals(expected, textIds(run));
    }

    @Test
    void pillar_unknownIsUsageError() {
        CommandRun run = CommandRun.of("rules", "--pillar", "speed");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: invalid value for option '--pillar' (PILLAR):"
                + " expected one of operational, security, reliability, performance, cost,"
                + " sustainability, engine but was 'speed'"), run.describe());
    }

    @Test
    void tag_matchesIgnoringCase() throws Exception {
        CommandRun run = CommandRun.of("rules", "--tag", "IAM", "--format", "json");

        assertEquals(0, run.exitCode(), run.describe());
        List<String> ids = jsonIds(run);
        assertTrue(ids.contains("SL1006"), run.describe());
        assertFalse(ids.contains("SL1004"), run.describe());
    }

    @Test
    void tag_combinesWithPillar() {
        CommandRun run = CommandRun.of("rules", "--tag", "lambda", "--pillar", "reliability");

        List<String> expected = idsWhere(rule -> rule.pillar() == Pillar.RELIABILITY
                && rule.tags().contains("lambda"));
        assertTrue(expected.containsAll(List.of("SL1001", "SL1002", "SL1007")),
                expected.toString());
        assertEquals(expected, textIds(run));
    }

    @Test
    void tag_unknownIsUsageError() {
        CommandRun run = CommandRun.of("rules", "--tag", "lamda");

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: unknown tag 'lamda'. The rules have these tags: "),
                run.describe());
        assertTrue(run.err().contains("lambda"), run.describe());
    }

    @Test
    void enabled_filtersByDefaultState() throws Exception {
        CommandRun on = CommandRun.of("rules", "--enabled", "true", "--format", "json");
        CommandRun off = CommandRun.of("rules", "--enabled", "FALSE", "--format", "json");

        assertEquals(0, on.exitCode(), on.describe());
        assertEquals(0, off.exitCode(), off.describe());
        List<String> expectedOn = RulesCommand.allRules().stream()
                .filter(RuleMetadata::enabledByDefault).map(RuleMetadata::id).toList();
        List<String> expectedOff = RulesCommand.allRules().stream()
                .filter(rule -> !rule.enabledByDefault()).map(RuleMetadata::id).toList();
        assertEquals(expectedOn, jsonIds(on));
        assertEquals(expectedOff, jsonIds(off));
    }

    @Test
    void enabled_rejectsNonBoolean() {
        CommandRun run = CommandRun.of("rules", "--enabled", "yes");

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: invalid value for option '--enabled'"),
                run.describe());
    }

    @Test
    void filters_matchingNothingPrintHeaderOnly() {
        CommandRun run = CommandRun.of("rules", "--pillar", "sustainability");

        assertEquals(0, run.exitCode(), run.describe());
        assertEquals(1, run.out().lines().count(), run.describe());
    }

    private static List<String> textIds(CommandRun run) {
        return run.out().lines().skip(1).map(line -> line.substring(0, line.indexOf(' ')))
                .toList();
    }

    private static List<String> jsonIds(CommandRun run) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(rule -> ids.add(rule.path("id").asText()));
        return ids;
    }

    /** Returns the IDs of the registered rules that match {@code filter}, in listing order. */
    private static List<String> idsWhere(Predicate<RuleMetadata> filter) {
        return RulesCommand.allRules().stream().filter(filter).map(RuleMetadata::id).toList();
    }
}
