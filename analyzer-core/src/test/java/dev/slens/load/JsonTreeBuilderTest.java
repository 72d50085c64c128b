package dev.slens.load;

import static dev.slens.load.TemplateLoaderTest.onlyParseError;
import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slens.model.MapNode;
import dev.slens.model.ScalarNode;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON loading: spans, duplicate keys, trailing commas, syntax errors and nesting. */
class JsonTreeBuilderTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @Test
    void keysAndValuesHaveSpans() {
        MapNode root = TestLoading.root("t.json", "{\n  \"Resources\": {\n    \"A\": [1, \"x\"]"
                + "\n  }\n}\n");
        MapNode.Entry entry = root.getMap("Resources").entry("A");

        assertStartsAt(2, 3, root.entry("Resources").keySpan());
        assertStartsAt(3, 5, entry.keySpan());
        assertStartsAt(3, 10, entry.value().span());
        assertStartsAt(3, 14, entry.value().asList().get(1).span());
    }

    @Test
    void scalarTypesFollowJson() {
        MapNode root = TestLoading.root("t.json",
                "{\"n\": 10, \"f\": 1.5, \"b\": false, \"z\": null, \"s\": \"2012-10-17\"}");

        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) root.get("n")).kind());
        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) root.get("f")).kind());
        assertEquals(ScalarNode.Kind.BOOLEAN, ((ScalarNode) root.get("b")).kind());
        assertEquals(ScalarNode.Kind.NULL, ((ScalarNode) root.get("z")).kind());
        assertEquals("2012-10-17", root.getText("s"));
    }

    @Test
    void duplicatePropertyIsReportedAtSecondCopy() {
        LoadResult result = TestLoading.resource("duplicate-property.json");

        assertEquals(1, result.problems().size());
        Finding duplicate = result.problems().get(0);
        assertEquals(EngineChecks.DUPLICATE_KEY.id(), duplicate.ruleId());
        assertEquals(Severity.WARNING, duplicate.severity());
        assertEquals("Key 'TracingConfig' appears again here after line 7; only this last copy"
                + " is used. Remove or rename one of them.", duplicate.message());
        assertStartsAt(9, 9, duplicate.span());
        assertStartsAt(7, 9, duplicate.related().get(0).span());
    }

    @Test
    void duplicateOnSameLineNamesColumn() {
        LoadResult result = TestLoading.parse("t.json", "{\"a\": 1, \"b\": 2, \"a\": 3}");

        assertEquals(1, result.problems().size());
        Finding duplicate = result.problems().get(0);
        assertEquals("Key 'a' appears again here after line 1, column 2; only this last copy"
                + " is used. Remove or rename one of them.", duplicate.message());
        assertStartsAt(1, 18, duplicate.span());
    }

    @Test
    void duplicatePropertyLastCopyWins() {
        Template template = TestLoading.assemble(TestLoading.resource(
                "duplicate-property.json")).template();
        MapNode tracing = template.resource("ExportFunction").property("TracingConfig").asMap();

        assertEquals("PassThrough", tracing.getText("Mode"));
        assertStartsAt(9, 26, tracing.span());
    }

    @Test
    void trailingCommasAreAcceptedWithWarnings() {
        LoadResult result = TestLoading.resource("trailing-commas.json");
        List<Finding> warnings = result.problems();

        assertEquals(List.of("SL0005", "SL0005"), TemplateLoaderTest.ruleIds(result));
        assertStartsAt(10, 45, warnings.get(0).span());
        assertStartsAt(13, 6, warnings.get(1).span());
        assertEquals(Severity.WARNING, warnings.get(0).severity());
    }

    @Test
    void trailingCommasLeaveSpansAndValues() {
        LoadResult result = TestLoading.resource("trailing-commas.json");
        MapNode.Entry function = result.root().getMap("Resources").entry("ExportFunction");
        MapNode properties = function.value().asMap().getMap("Properties");

        assertStartsAt(3, 5, function.keySpan());
        assertEquals(2, properties.get("Tags").asList().size());
        assertEquals("keeps a comma, ] and } inside a string", properties.getText("Description"));
    }

    @Test
    void unclosedObjectFails() {
        LoadResult result = TestLoading.parse("t.json", "{\n  \"a\": {\"b\": 1}\n");

        Finding error = onlyParseError(result);
        assertEquals(2, error.span().line());
    }

    @Test
    void contentAfterDocumentFails() {
        LoadResult result = TestLoading.parse("t.json", "{\"a\": 1}\n{\"b\": 2}\n");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: unexpected content after the end of the JSON"
                + " document.", error.message());
        assertStartsAt(2, 1, error.span());
    }

    @Test
    void deepNestingFailsAtLimit() {
        String text = "{\"a\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.json", text));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                error.message());
        assertStartsAt(1, 7 + 199, error.span());
    }

    @Test
    void multiLineNestingFailsAtLimit() {
        String text = "{\"a\":\n" + "[\n".repeat(300) + "]\n".repeat(300) + "}\n";

        Finding error = onlyParseError(TestLoading.parse("t.json", text));

        assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                error.message());
        assertStartsAt(201, 1, error.span());
    }

    @Test
    void nestingAtLimitLoads() {
        String text = "{\"a\": " + "[".repeat(199) + "]".repeat(199) + "}";

        assertEquals(List.of(), TestLoading.parse("t.json", text).problems());
    }
}
