package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Runs every rule on the real templates of the shared corpus, when it is present: no rule may
 * fail, and only files that are not valid YAML may give a parse error. Prints the findings per
 * rule so that changes in rule behaviour show up in the build log.
 */
class CorpusRulesTest {

    private static final Path CORPUS = Path.of(System.getProperty("slens.shared.dir",
            "../shared")).resolve("corpus");
    private static final Set<String> TEMPLATE_FORMATS = Set.of("sam", "cfn-yaml", "cfn-json");

    /** Corpus files that are not valid YAML, each checked by hand. */
    private static final Set<String> INVALID_FILES = Set.of(
            "aws-samples__serverless-patterns/rds-sns-event-notification/template.yaml");

    @Test
    void rulesRunCleanlyOnCorpus() throws IOException {
        runCleanly(TEMPLATE_FORMATS, "templates");
    }

    /**
     * Runs every rule on the Serverless Framework services of the corpus, including the
     * configurations that {@code serverless print} wrote and the services of other providers.
     */
    @Test
    void rulesRunCleanlyOnServerlessServices() throws IOException {
        runCleanly(Set.of("serverless"), "serverless services");
    }

    private static void runCleanly(Set<String> formats, String label) throws IOException {
        Path manifest = CORPUS.resolve("MANIFEST.tsv");
        assumeTrue(Files.exists(manifest), "the shared corpus is not present");
        List<Path> templates = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns.length >= 6 && formats.contains(columns[5])) {
                templates.add(CORPUS.resolve(columns[0]));
            }
        }
        AnalysisResult result = Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder()
                .paths(templates)
                .baseDirectory(CORPUS)
                .today(RuleFixturesTest.FIXTURE_DATE)
                .build());

        Map<String, Integer> perRule = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (Finding finding : result.findings()) {
            perRule.merge(finding.ruleId(), 1, Integer::sum);
            boolean parseError = finding.ruleId().equals("SL0001");
            if (finding.ruleId().equals("SL0003")
                    || parseError && !INVALID_FILES.contains(finding.file().displayPath())) {
                unexpected.add(finding.file().displayPath() + ": " + finding.message());
            }
        }
        System.out.printf("corpus: %d of %d %s analyzed, %d skipped; findings per rule %s%n",
                result.files().size(), templates.size(), label, result.skipped().size(),
                perRule);

        assertEquals(List.of(), unexpected);
        // Files that services include through ${file()} are listed too, after their service.
        Set<Path> named = new HashSet<>();
        templates.forEach(path -> named.add(path.toAbsolutePath().normalize()));
        long namedAnalyzed = result.files().stream()
                .filter(file -> named.contains(file.path().toAbsolutePath().normalize()))
                .count();
        assertEquals(templates.size(), namedAnalyzed + result.skipped().size());
        assertTrue(result.skipped().isEmpty(), "skipped " + label + ": " + result.skipped());
    }
}
