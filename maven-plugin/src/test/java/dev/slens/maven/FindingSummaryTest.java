package dev.slens.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingSummaryTest {

    private static final String HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources:\n";

    @TempDir
    Path base;

    @Test
    void failure_listsErrorsBeforeWarnings() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        String message = FindingSummary.failure(result, Severity.WARNING, List.of());

        List<String> lines = message.lines().toList();
        assertTrue(lines.get(0).startsWith("slens found "), message);
        assertTrue(lines.get(1).contains(": error SL1003 [Orders] "), message);
        assertTrue(lines.get(2).contains(": warning "), message);
        assertTrue(lines.get(1).startsWith("  template.yaml:"), message);
    }

    @Test
    void failure_countsOnlyFindingsAtThreshold() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        String message = FindingSummary.failure(result, Severity.ERROR, List.of());

        assertTrue(message.startsWith("slens found 1 finding at or above failOn 'error':"),
                message);
        assertEquals(2, message.lines().count(), message);
    }

    @Test
    void failure_listsAtMostTenFindings() throws IOException {
        StringBuilder template = new StringBuilder(HEADER);
        for (int i = 0; i < 12; i++) {
            template.append(function("Fn" + i, "python3.8"));
        }
        AnalysisResult result = analyze("template.yaml", template.toString());

        String message = FindingSummary.failure(result, Severity.ERROR, List.of());

        List<String> lines = message.lines().toList();
        assertEquals(1 + FindingSummary.MAX_LISTED + 1, lines.size(), message);
        assertEquals("  and 2 more", lines.get(lines.size() - 1));
    }

    @Test
    void failure_namesReportFilesLast() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        String message = FindingSummary.failure(result, Severity.ERROR,
                List.of(Path.of("target/slens/slens.sarif"), Path.of("target/slens/slens.json")));

        List<String> lines = message.lines().toList();
        assertEquals(3, lines.size(), message);
        assertEquals("Reports: target/slens/slens.sarif, target/slens/slens.json",
                lines.get(2));
    }

    @Test
    void processingErrors_namesUnparsableFile() throws IOException {
        AnalysisResult result = analyze("broken.yaml", HEADER + "  Orders: [unclosed\n");

        String message = FindingSummary.processingErrors(result, List.of(), List.of());

        assertTrue(message.startsWith("slens could not analyze 1 file: broken.yaml"), message);
        assertTrue(message.contains("broken.yaml:"), message);
        assertTrue(message.contains(" SL0001 "), message);
    }

    @Test
    void oneLine_countsFilesFindingsAndReports() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        String line = FindingSummary.oneLine(result, List.of(Path.of("target/slens/slens.sarif")));

        assertTrue(line.startsWith("slens: 1 file analyzed, "), line);
        assertTrue(line.contains("(1 error, "), line);
        assertTrue(line.endsWith("0 skipped; reports: target/slens/slens.sarif"), line);
    }

    @Test
    void suppressedFindings_countedAndNotListedAsFailures() throws IOException {
        String suppressedRuntime = function("Orders", "python3.8").replace(
                "    Properties:\n", "    Metadata:\n      slens:\n        ignore:\n"
                        + "          - id: SL1003\n            reason: Upgrade planned.\n"
                        + "    Properties:\n");
        AnalysisResult result = analyze("template.yaml", HEADER + suppressedRuntime);

        String line = FindingSummary.oneLine(result, List.of());
        String failure = FindingSummary.failure(result, Severity.WARNING, List.of());

        assertTrue(line.contains(" findings (0 errors, "), line);
        assertTrue(line.contains(" info), 1 suppressed, "), line);
        assertFalse(failure.contains("SL1003"), failure);
    }

    @Test
    void failure_namesLineAndColumn() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        String message = FindingSummary.failure(result, Severity.ERROR, List.of());

        String listed = message.lines().toList().get(1);
        assertTrue(listed.matches("  template\\.yaml:\\d+:\\d+: error SL1003 \\[Orders\\] .*"),
                listed);
    }

    @Test
    void logLines_failingFindingsAreErrors() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        List<FindingSummary.LogLine> lines =
                FindingSummary.logLines(result, Severity.WARNING, Severity.ERROR);

        List<FindingSummary.LogLine> errors = lines.stream()
                .filter(line -> line.level() == FindingSummary.LogLevel.ERROR).toList();
        assertEquals(1, errors.size(), lines.toString());
        assertTrue(errors.get(0).text().matches("template\\.yaml:\\d+:\\d+: SL1003 .*"),
                errors.get(0).text());
        long warnings = result.newFindings().stream()
                .filter(finding -> finding.severity() == Severity.WARNING).count();
        assertEquals(warnings, lines.stream()
                .filter(line -> line.level() == FindingSummary.LogLevel.WARNING).count());
        assertEquals(1 + warnings, lines.size(), lines.toString());
    }

    @Test
    void logLines_belowFailOnAreWarningsAndInfo() throws IOException {
        AnalysisResult result = analyze("template.yaml", HEADER + function("Orders", "python3.8"));

        List<FindingSummary.LogLine> lines =
                FindingSummary.logLines(result, Severity.INFO, null);

        assertEquals(result.newFindings().size(), lines.size());
        assertTrue(lines.stream().noneMatch(line -> line.level() == FindingSummary.LogLevel.ERROR),
                lines.toString());
        long info = result.newFindings().stream()
                .filter(finding -> finding.severity() == Severity.INFO).count();
        assertEquals(info, lines.stream()
                .filter(line -> line.level() == FindingSummary.LogLevel.INFO).count());
    }

    @Test
    void oneLine_countsUnparsedFilesApart() throws IOException {
        Files.writeString(base.resolve("template.yaml"), HEADER + function("Orders", "python3.12"));
        Files.writeString(base.resolve("broken.yaml"), HEADER + "  Orders: [unclosed\n");
        AnalysisResult result = Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder()
                .path(base).baseDirectory(base).today(LocalDate.of(2026, 12, 1)).threads(1)
                .build());

        String line = FindingSummary.oneLine(result, List.of());

        assertTrue(line.startsWith("slens: 1 file analyzed, 1 file not parsed, "), line);
    }

    private static String function(String logicalId, String runtime) {
        return "  " + logicalId + ":\n"
                + "    Type: AWS::Serverless::Function\n"
                + "    Properties:\n"
                + "      Handler: app.handler\n"
                + "      Runtime: " + runtime + "\n"
                + "      CodeUri: src/\n";
    }

    private AnalysisResult analyze(String fileName, String content) throws IOException {
        Path file = Files.writeString(base.resolve(fileName), content);
        return Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder().path(file)
                .baseDirectory(base).today(LocalDate.of(2026, 12, 1)).threads(1).build());
    }
}
