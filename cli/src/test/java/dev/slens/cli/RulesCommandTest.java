package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.List;
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
        assertTrue(run.out().contains(" LambdaAsyncFailureDestination ES1007"), run.describe());
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
        assertTrue(run.out().contains("Output format, one of: text, json. Default: text."),
                run.describe());
    }
}
