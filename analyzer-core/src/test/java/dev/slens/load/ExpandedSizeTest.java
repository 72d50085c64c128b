package dev.slens.load;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Limits on the expanded size of a YAML document, checked while it is parsed. */
class ExpandedSizeTest {

    private static final Duration HANG = Duration.ofSeconds(30);

    @Test
    void scalarAliasBombFailsAtCrossingAlias() {
        StringBuilder text = new StringBuilder("x0: &s \"" + "A".repeat(100_000) + "\"\n");
        text.append("Vars:\n");
        for (int i = 0; i < 1_000; i++) {
            text.append("  V").append(i).append(": *s\n");
        }

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("bomb.yaml", text.toString()));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: aliases repeat more than 16777216 characters of"
                + " text; write the repeated values out or use fewer aliases.", error.message());
        // The 168th alias crosses 16 MiB: 167 copies hold 16,700,000 characters.
        assertStartsAt(3 + 167, 9, error.span());
    }

    @Test
    void scalarAliasesWithinBudgetLoad() {
        String text = "x0: &s \"" + "A".repeat(1_000) + "\"\nV1: *s\nV2: *s\n";

        LoadResult result = TestLoading.parse("ok.yaml", text);

        assertNotNull(result.root(), () -> "root: " + result.problems());
        assertEquals(1_000, result.root().getText("V2").length());
    }

    @Test
    void nodeLimitStopsBeforeLaterContent() {
        LoadLimits limits = new LoadLimits(1_000_000, 200, 2_000, 1_000, 20_000);
        StringBuilder text = new StringBuilder("Metadata:\n");
        for (int i = 0; i < 2_000; i++) {
            text.append("  K").append(i).append(": v\n");
        }
        // A syntax error after the limit shows that parsing stopped at the limit.
        text.append("Broken: [\n");

        LoadResult result = new TemplateLoader(limits).parse(Path.of("big.yaml"), "big.yaml",
                text.toString());

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: document has more than 1000 nodes.",
                error.message());
        // The root mapping and Metadata's mapping are 2 nodes, so K998 is the 1,001st.
        assertStartsAt(2 + 998, 9, error.span());
    }

    @Test
    void aliasExpansionCountsAgainstNodeLimit() {
        LoadLimits limits = new LoadLimits(1_000_000, 200, 2_000, 1_000, 20_000);
        String text = "a: &a [" + "x, ".repeat(299) + "x]\nb: *a\nc: *a\nd: *a\ne: [1]\n";

        LoadResult result = new TemplateLoader(limits).parse(Path.of("a.yaml"), "a.yaml", text);

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: aliases expand the document to more than 1000"
                + " nodes.", error.message());
        // Root 1 + a 301 + b 301 + c 301 = 904, so the alias of d crosses 1,000.
        assertStartsAt(4, 4, error.span());
    }

    private static Finding onlyParseError(LoadResult result) {
        assertNull(result.root(), "root of a file that fails to parse");
        List<Finding> errors = TestLoading.findings(result.problems(),
                EngineChecks.PARSE_ERROR.id());
        assertEquals(1, errors.size(), () -> "parse errors: " + result.problems());
        return errors.get(0);
    }
}
