package dev.slens.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.AnalyzerException;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

    private static final SourceFile FILE = new SourceFile(Path.of("/scan/t.yaml"), "t.yaml",
            List.of("Resources:", "  A:", "    Type: AWS::SQS::Queue", "  B:",
                    "    Type: AWS::SQS::Queue"));

    @TempDir
    Path folder;

    @Test
    void writeThenApply_marksOldAndNew() {
        Finding onA = finding("SL6001", 2, "A");
        Finding onB = finding("SL6001", 4, "B");
        Path file = folder.resolve("baseline.json");

        int written = Baseline.write(result(List.of(onA)), file);
        AnalysisResult compared = Baseline.read(file).apply(result(List.of(onA, onB)));

        assertEquals(1, written);
        assertEquals(Finding.BaselineState.UNCHANGED, compared.findings().get(0).baselineState());
        assertEquals(Finding.BaselineState.NEW, compared.findings().get(1).baselineState());
        assertEquals(1, compared.baselineCount());
        assertEquals(List.of(compared.findings().get(1)), compared.newFindings());
        assertTrue(compared.hasFindingsAtLeast(Severity.WARNING));
    }

    @Test
    void apply_matchesFromAnotherFolder() throws IOException {
        Path template = folder.resolve("stack/t.yaml");
        SourceFile fromRoot = new SourceFile(template, "stack/t.yaml", FILE.lines());
        SourceFile fromElsewhere = new SourceFile(template, "../work/stack/t.yaml", FILE.lines());
        Path file = folder.resolve("baseline.json");

        Baseline.write(result(List.of(finding(fromRoot, "SL6001", 2, "A"))), file);
        AnalysisResult compared = Baseline.read(file)
                .apply(result(List.of(finding(fromElsewhere, "SL6001", 2, "A"))));

        assertEquals(Finding.BaselineState.UNCHANGED, compared.findings().get(0).baselineState());
        assertTrue(Files.readString(file).contains("\"path\" : \"stack/t.yaml\""),
                Files.readString(file));
    }

    @Test
    void write_leavesOutSuppressedAndProcessingErrors() throws IOException {
        Finding suppressed = finding("SL6001", 2, "A").withSuppression(new Suppression(
                Suppression.Kind.IN_SOURCE, "accepted", SourceSpan.at(2, 3)));
        Finding parseError = finding(EngineChecks.PARSE_ERROR.id(), 1, null);
        Path file = folder.resolve("baseline.json");

        int written = Baseline.write(result(List.of(suppressed, parseError)), file);
        AnalysisResult compared = Baseline.read(file).apply(result(List.of(parseError)));

        assertEquals(0, written);
        assertFalse(Files.readString(file).contains("SL0001"));
        assertEquals(Finding.BaselineState.NEW, compared.findings().get(0).baselineState());
    }

    @Test
    void read_rejectsOtherFingerprintScheme() throws IOException {
        Path file = Files.writeString(folder.resolve("b.json"),
                "{\"version\": 1, \"fingerprint\": \"slens/v1\", \"findings\": []}");

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> Baseline.read(file));

        assertTrue(e.getMessage().contains("fingerprint scheme 'slens/v1'"), e.getMessage());
        assertTrue(e.getMessage().contains("--write-baseline"), e.getMessage());
    }

    @Test
    void read_rejectsEntryWithoutFingerprint() throws IOException {
        Path file = Files.writeString(folder.resolve("b.json"), "{\"version\": 1,"
                + " \"fingerprint\": \"slens/v3\", \"findings\": [{\"ruleId\": \"SL6001\"}]}");

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> Baseline.read(file));

        assertTrue(e.getMessage().endsWith("findings[0] has no 'fingerprint' string"),
                e.getMessage());
    }

    @Test
    void read_missingFileNamesTheFix() {
        Path file = folder.resolve("absent.json");

        AnalyzerException e = assertThrows(AnalyzerException.class, () -> Baseline.read(file));

        assertTrue(e.getMessage().startsWith("baseline file not found: "), e.getMessage());
    }

    private static Finding finding(String ruleId, int line, String logicalId) {
        return finding(FILE, ruleId, line, logicalId);
    }

    private static Finding finding(SourceFile file, String ruleId, int line, String logicalId) {
        return new Finding(ruleId, Severity.WARNING, "Queue.", file, SourceSpan.at(line, 3),
                logicalId, List.of());
    }

    private static AnalysisResult result(List<Finding> findings) {
        return new AnalysisResult(findings, List.of(FILE), EngineChecks.ALL, List.of(), "test");
    }
}
