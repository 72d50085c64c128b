package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.RuleMetadata;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares slens with the expectations of the serverless-rules project's own test templates,
 * for each of its rule IDs that a slens rule lists as an alias. Runs when the shared corpus is
 * present.
 */
class ServerlessRulesParityTest {

    private static final Path CORPUS = Path.of(System.getProperty("slens.shared.dir",
            "../shared")).resolve("corpus");
    private static final Path EXPECTED = CORPUS.resolve("serverless-rules-tests/EXPECTED.tsv");
    private static final Analyzer ANALYZER = Analyzer.withRegisteredRules();

    /**
     * Templates where slens deliberately disagrees, with the reason. Keyed by template path
     * relative to the corpus folder.
     */
    private static final Map<String, String> DISAGREEMENTS = Map.of();

    record Row(String template, String alias, boolean fires, String ruleId) {
        @Override
        public String toString() {
            return alias + " " + Path.of(template).getFileName();
        }
    }

    static Stream<Row> rows() throws IOException {
        if (!Files.exists(EXPECTED)) {
            return Stream.of(new Row(null, "corpus absent", false, null));
        }
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns.length < 3 || columns[0].equals("template_path")) {
                continue;
            }
            String ruleId = ourRule(columns[1]);
            if (ruleId != null) {
                rows.add(new Row(columns[0], columns[1], columns[2].equals("fires"), ruleId));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void agreesWithServerlessRules(Row row) {
        assumeTrue(row.template() != null, "the shared corpus is not present");
        assumeTrue(!DISAGREEMENTS.containsKey(row.template()),
                () -> "deliberate disagreement: " + DISAGREEMENTS.get(row.template()));
        Path template = CORPUS.resolve(row.template());
        AnalysisResult result = ANALYZER.analyze(AnalyzerConfig.builder()
                .path(template)
                .baseDirectory(template.getParent())
                .today(RuleFixturesTest.FIXTURE_DATE)
                .threads(1)
                .build());
        boolean fired = result.findings().stream().anyMatch(f -> f.ruleId().equals(row.ruleId()));
        assertEquals(row.fires(), fired, row.ruleId() + " on " + row.template());
    }

    @Test
    void everyExpectedRuleHasAnAlias() throws IOException {
        assumeTrue(Files.exists(EXPECTED), "the shared corpus is not present");
        Set<String> missing = new TreeSet<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns.length >= 3 && !columns[0].equals("template_path")
                    && ourRule(columns[1]) == null) {
                missing.add(columns[1]);
            }
        }
        assertEquals(Set.of(), missing, "serverless-rules IDs in EXPECTED.tsv that no slens rule"
                + " lists as an alias, so their rows are not compared");
    }

    private static String ourRule(String alias) {
        for (RuleMetadata rule : ANALYZER.registry().metadata()) {
            if (rule.aliases().contains(alias)) {
                return rule.id();
            }
        }
        return null;
    }
}
