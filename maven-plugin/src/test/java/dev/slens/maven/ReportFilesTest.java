package dev.slens.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.report.ReportFormat;
import dev.slens.report.SarifSchemaCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path base;

    @Test
    void write_createsOneFilePerFormat() throws IOException {
        Path output = base.resolve("target/slens");

        List<Path> written = ReportFiles.write(emptyResult(),
                EnumSet.allOf(ReportFormat.class), output);

        assertEquals(ReportFormat.values().length, written.size());
        for (ReportFormat format : ReportFormat.values()) {
            assertTrue(Files.isRegularFile(output.resolve(ReportFiles.fileName(format))),
                    format.name());
        }
        try (Stream<Path> files = Files.list(output)) {
            assertEquals(ReportFormat.values().length, files.count(), "temporary files remain");
        }
    }

    @Test
    void write_replacesExistingReport() throws IOException {
        Path output = Files.createDirectories(base.resolve("out"));
        Path sarif = Files.writeString(output.resolve("slens.sarif"), "old");

        ReportFiles.write(emptyResult(), EnumSet.of(ReportFormat.SARIF), output);

        assertTrue(Files.readString(sarif).contains("\"version\""), Files.readString(sarif));
        SarifSchemaCheck.assertValid(Files.readString(sarif));
    }

    @Test
    void write_deletesReportsOfOtherFormats() throws IOException {
        Path output = base.resolve("target/slens");
        ReportFiles.write(emptyResult(), EnumSet.of(ReportFormat.SARIF, ReportFormat.JSON),
                output);
        Path unrelated = Files.writeString(output.resolve("notes.txt"), "kept");

        ReportFiles.write(emptyResult(), EnumSet.of(ReportFormat.SARIF), output);

        assertTrue(Files.isRegularFile(output.resolve("slens.sarif")));
        assertFalse(Files.exists(output.resolve("slens.json")), "stale slens.json remains");
        assertTrue(Files.isRegularFile(unrelated), "a file slens did not write was deleted");
    }

    @Test
    void formatNamed_ignoresCase() {
        assertEquals(ReportFormat.JUNIT, ReportFiles.formatNamed("JUnit"));
    }

    @Test
    void formatNamed_returnsNullForUnknownName() {
        assertNull(ReportFiles.formatNamed("xml"));
    }

    @Test
    void formatNames_listsEveryFormat() {
        assertEquals("text, sarif, json, github, gitlab, junit, html", ReportFiles.formatNames());
    }

    private AnalysisResult emptyResult() {
        return Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder()
                .baseDirectory(base).today(LocalDate.of(2026, 12, 1)).build());
    }

    @Test
    void formatsNamed_skipsBlankEntriesAndKeepsOrder() {
        assertEquals(List.of(ReportFormat.SARIF, ReportFormat.JUNIT),
                List.copyOf(ReportFiles.formatsNamed(Arrays.asList("SARIF", "", null, " junit",
                        "sarif"))));
    }

    @Test
    void formatsNamed_rejectsUnknownName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReportFiles.formatsNamed(List.of("sarif", "bogus")));

        assertTrue(error.getMessage().startsWith("Invalid report format 'bogus', expected one"),
                error.getMessage());
    }
}
