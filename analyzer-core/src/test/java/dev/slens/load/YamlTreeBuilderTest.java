package dev.slens.load;

import static dev.slens.load.TemplateLoaderTest.onlyParseError;
import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML structure: anchors, aliases, merge keys, duplicate keys, scalar types and alias bombs. */
class YamlTreeBuilderTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    private static final String MERGES = """
            Defaults: &defaults
              Runtime: python3.12
              Timeout: 30
              MemorySize: 128
            Tracing: &tracing
              Timeout: 60
              Tracing: Active
            Single:
              <<: *defaults
              Handler: single.handler
            Overridden:
              <<: *defaults
              Timeout: 5
            Both:
              <<: [*tracing, *defaults]
            Alias: *defaults
            """;

    @Test
    void aliasSharesAnchoredMapping() {
        MapNode root = TestLoading.root("t.yaml", MERGES);

        assertSame(root.get("Defaults"), root.get("Alias"));
    }

    @Test
    void mergeKeyCopiesEntries() {
        MapNode single = TestLoading.root("t.yaml", MERGES).getMap("Single");

        assertEquals(List.of("Runtime", "Timeout", "MemorySize", "Handler"),
                List.copyOf(single.keys()));
        assertEquals("30", single.getText("Timeout"));
    }

    @Test
    void mergedEntryKeepsSpanOfAnchoredLine() {
        MapNode single = TestLoading.root("t.yaml", MERGES).getMap("Single");

        assertStartsAt(3, 3, single.entry("Timeout").keySpan());
        assertStartsAt(10, 3, single.entry("Handler").keySpan());
    }

    @Test
    void explicitKeyOverridesMergedOne() {
        MapNode overridden = TestLoading.root("t.yaml", MERGES).getMap("Overridden");

        assertEquals("5", overridden.getText("Timeout"));
        assertStartsAt(13, 3, overridden.entry("Timeout").keySpan());
        assertEquals("python3.12", overridden.getText("Runtime"));
    }

    @Test
    void explicitOverrideIsNoDuplicateKey() {
        assertEquals(List.of(), TestLoading.parse("t.yaml", MERGES).problems());
    }

    @Test
    void mergeListFirstSourceWins() {
        MapNode both = TestLoading.root("t.yaml", MERGES).getMap("Both");

        assertEquals("60", both.getText("Timeout"));
        assertEquals("Active", both.getText("Tracing"));
        assertEquals("128", both.getText("MemorySize"));
    }

    @Test
    void dozensOfMergeKeysLoad() {
        StringBuilder text = new StringBuilder("""
                Globals: &function
                  Type: AWS::Lambda::Function
                  Properties:
                    Runtime: nodejs20.x
                Resources:
                """);
        for (int i = 0; i < 60; i++) {
            text.append("  Function").append(i).append(":\n    <<: *function\n");
        }

        LoadResult result = TestLoading.parse("t.yaml", text.toString());
        Template template = TestLoading.assemble(result).template();

        assertEquals(List.of(), result.problems());
        assertEquals(60, template.resources().size());
        assertEquals("AWS::Lambda::Function", template.resource("Function59").type());
    }

    @Test
    void mergeOfScalarFailsAtMergeKey() {
        LoadResult result = TestLoading.parse("t.yaml", "Base: &base text\nUse:\n  <<: *base\n");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: a merge key ('<<') must refer to a mapping.",
                error.message());
        assertStartsAt(3, 3, error.span());
    }

    @Test
    void duplicateLogicalIdIsReportedAtSecondCopy() {
        LoadResult result = TestLoading.resource("duplicate-logical-id.yaml");

        assertEquals(1, result.problems().size());
        Finding duplicate = result.problems().get(0);
        assertEquals(EngineChecks.DUPLICATE_KEY.id(), duplicate.ruleId());
        assertEquals("Key 'ResizeFunction' appears again here after line 4; only this last copy"
                + " is used. Remove or rename one of them.", duplicate.message());
        assertStartsAt(12, 3, duplicate.span());
        assertEquals(1, duplicate.related().size());
        assertStartsAt(4, 3, duplicate.related().get(0).span());
        assertEquals("first copy of 'ResizeFunction'", duplicate.related().get(0).message());
    }

    @Test
    void duplicateInFlowMappingNamesColumn() {
        LoadResult result = TestLoading.parse("t.yaml", "Resources: {A: 1, B: 2, A: 3}\n");

        assertEquals(1, result.problems().size());
        assertEquals("Key 'A' appears again here after line 1, column 13; only this last copy"
                + " is used. Remove or rename one of them.", result.problems().get(0).message());
    }

    @Test
    void duplicateLogicalIdLastCopyWins() {
        Template template = TestLoading.assemble(TestLoading.resource(
                "duplicate-logical-id.yaml")).template();
        Resource function = template.resource("ResizeFunction");

        assertEquals("second.handler", function.property("Handler").text());
        assertNull(function.property("Timeout"));
        assertStartsAt(12, 3, function.span());
    }

    @Test
    void scalarTypesKeepTextAsWritten() {
        MapNode root = TestLoading.root("t.yaml",
                "Count: 010\nRatio: 1.50\nEnabled: true\nEmpty: ~\nName: 'true'\n");

        assertScalar(ScalarNode.Kind.NUMBER, "010", root, "Count");
        assertScalar(ScalarNode.Kind.NUMBER, "1.50", root, "Ratio");
        assertScalar(ScalarNode.Kind.BOOLEAN, "true", root, "Enabled");
        assertScalar(ScalarNode.Kind.NULL, null, root, "Empty");
        assertScalar(ScalarNode.Kind.STRING, "true", root, "Name");
    }

    @Test
    void aliasBombFailsAtExpandingNode() {
        StringBuilder text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'i'; name++) {
            String alias = "*" + previous;
            text.append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", Collections.nCopies(9, alias)))
                    .append("]\n");
            previous = name;
        }

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.yaml", text.toString()));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: aliases expand the document to more than"
                + " 2000000 nodes.", error.message());
        // Each alias in g adds f's 597,871 nodes, and the third one crosses the limit.
        assertStartsAt(7, 16, error.span());
    }

    @Test
    void selfReferencingAnchorFails() {
        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.yaml", "Resources:\n  Loop: &loop [1, *loop]\n"));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: anchor 'loop' is used inside its own value,"
                + " which makes the template infinite.", error.message());
        assertStartsAt(2, 9, error.span());
    }

    @Test
    void repeatedMergeOfLargeMappingFailsFast() {
        StringBuilder text = new StringBuilder("Base: &base\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("  Key").append(i).append(": ").append(i).append('\n');
        }
        for (int i = 0; i < 300; i++) {
            text.append("Copy").append(i).append(":\n  <<: *base\n");
        }

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.yaml", text.toString()));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: aliases expand the document to more than"
                + " 2000000 nodes.", error.message());
        // Base and each copy add 20,002 nodes, so the alias in the 99th copy crosses the limit.
        assertStartsAt(20_001 + 2 * 99, 7, error.span());
    }

    @Test
    void columnsCountUtf16UnitsAfterEmoji() {
        MapNode properties = TestLoading.root("t.yaml", "Resources:\n  F:\n"
                + "    Properties: {Description: \"\u65e5\u672c\u8a9e\ud83d\ude00\","
                + " Runtime: python2.7}\n").getMap("Resources").getMap("F").getMap("Properties");

        assertStartsAt(3, 40, properties.entry("Runtime").keySpan());
        assertStartsAt(3, 49, properties.get("Runtime").span());
        assertEquals(58, properties.get("Runtime").span().endColumn());
        assertEquals(59, properties.span().endColumn());
    }

    @Test
    void yamlAndJsonColumnsAgreeAfterEmoji() {
        String description = "\"\u65e5\u672c\u8a9e\ud83d\ude00\"";
        String yamlLine = "P: {Description: " + description + ", Runtime: python2.7}";
        String jsonLine = "{\"P\": {\"Description\": " + description
                + ", \"Runtime\": \"python2.7\"}}";
        MapNode yaml = TestLoading.root("t.yaml", yamlLine + "\n").getMap("P");
        MapNode json = TestLoading.root("t.json", jsonLine + "\n").getMap("P");

        // String.indexOf counts UTF-16 code units, the unit both loaders must use.
        assertEquals(yamlLine.indexOf("Runtime") + 1, yaml.entry("Runtime").keySpan().column());
        assertEquals(jsonLine.indexOf("\"Runtime") + 1, json.entry("Runtime").keySpan().column());
        assertEquals(yamlLine.indexOf("python") + 1, yaml.get("Runtime").span().column());
        assertEquals(jsonLine.indexOf("\"python") + 1, json.get("Runtime").span().column());
    }

    @Test
    void parseErrorColumnCountsUtf16Units() {
        String line = "A: \"\ud83d\ude00\" x: 1";

        LoadResult result = TestLoading.parse("t.yaml", line + "\n");

        assertStartsAt(1, line.indexOf('x') + 1, onlyParseError(result).span());
    }

    private static void assertScalar(ScalarNode.Kind kind, String text, MapNode map, String key) {
        ScalarNode scalar = (ScalarNode) map.get(key);
        assertEquals(kind, scalar.kind(), key);
        assertEquals(text, scalar.value(), key);
    }
}
