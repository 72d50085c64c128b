package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.index.TemplateIndex;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Loads every SAM and CloudFormation template listed in {@code corpus/MANIFEST.tsv} under the
 * folder that the system property {@code slens.shared.dir} names. The test is skipped when that
 * manifest is absent.
 */
class CorpusLoadTest {

    private static final Map<String, TemplateFormat> EXPECTED_FORMAT = Map.of(
            "sam", TemplateFormat.SAM,
            "cfn-yaml", TemplateFormat.CLOUDFORMATION,
            "cfn-json", TemplateFormat.CLOUDFORMATION);

    private static final String PARSE_ERROR_PREFIX = "The file cannot be parsed: ";

    private final TemplateLoader loader = new TemplateLoader(LoadLimits.DEFAULT);

    @Test
    void corpusTemplatesLoadAndClassify() throws IOException {
        Path corpus = corpusDir();
        List<String[]> rows = templateRows(corpus);
        Tally tally = new Tally();

        for (String[] row : rows) {
            try {
                check(corpus, row, tally);
            } catch (RuntimeException | StackOverflowError e) {
                tally.crashes.add(row[0] + ": " + e);
            }
        }

        System.out.printf("corpus: %d of %d templates loaded, %d parse failures, %d detector"
                + " mismatches%n", tally.loaded, rows.size(), tally.parseFailures.size(),
                tally.mismatches.size());
        tally.parseFailures.forEach(failure -> System.out.println("  parse failure: " + failure));
        tally.mismatches.forEach(mismatch -> System.out.println("  detector: " + mismatch));
        assertEquals(List.of(), tally.crashes, "templates whose loading threw");
        assertEquals(List.of(), tally.unclearFailures,
                "templates that failed without a clear SL0001 finding");
        assertEquals(List.of(), tally.mismatches,
                "templates the detector classifies against their manifest label");
    }

    private void check(Path corpus, String[] row, Tally tally) {
        String path = row[0];
        LoadResult result = loader.load(corpus.resolve(path), path);
        if (result.root() == null) {
            Finding error = result.problems().stream()
                    .filter(f -> f.ruleId().equals(EngineChecks.PARSE_ERROR.id()))
                    .findFirst().orElse(null);
            if (error == null) {
                tally.unclearFailures.add(path + ": no SL0001 finding");
                return;
            }
            String failure = path + ": line " + error.span().line() + ": " + error.message();
            tally.parseFailures.add(failure);
            if (!error.span().isKnown() || !error.message().startsWith(PARSE_ERROR_PREFIX)) {
                tally.unclearFailures.add(failure);
            }
            return;
        }
        TemplateFormat expected = EXPECTED_FORMAT.get(row[5]);
        TemplateFormat detected = FormatDetector.detect(result.root());
        if (detected != expected) {
            tally.mismatches.add(path + ": labelled " + row[5] + ", detected " + detected);
        }
        if (detected == TemplateFormat.CLOUDFORMATION || detected == TemplateFormat.SAM) {
            TemplateAssembler.Assembled assembled =
                    TemplateAssembler.assemble(result.file(), result.root(), detected);
            new TemplateIndex(assembled.template());
        }
        tally.loaded++;
    }

    private static Path corpusDir() {
        String shared = System.getProperty("slens.shared.dir", "");
        Path corpus = Path.of(shared.isBlank() ? "." : shared, "corpus");
        assumeTrue(!shared.isBlank() && Files.isRegularFile(corpus.resolve("MANIFEST.tsv")),
                "set slens.shared.dir to a folder with corpus/MANIFEST.tsv to run this test");
        return corpus;
    }

    private static List<String[]> templateRows(Path corpus) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(corpus.resolve("MANIFEST.tsv"))) {
            String[] columns = line.split("\t", -1);
            if (columns.length >= 6 && EXPECTED_FORMAT.containsKey(columns[5])) {
                rows.add(columns);
            }
        }
        return rows;
    }

    /** What the corpus run found, gathered so that one run reports every problem at once. */
    private static final class Tally {
        private final List<String> crashes = new ArrayList<>();
        private final List<String> unclearFailures = new ArrayList<>();
        private final List<String> parseFailures = new ArrayList<>();
        private final List<String> mismatches = new ArrayList<>();
        private int loaded;
    }
}
