package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.URL_AUTH;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingFingerprintsTest {

    private static final SourceFile TEMPLATE = file("template.yaml", TEMPLATE_LINES);

    @Test
    void fingerprintsDiffer_forRuleFileAndRepeat() {
        Finding base = finding(TIMEOUT, TEMPLATE, new SourceSpan(5, 5, 5, 15), "MainFunction", "");
        Finding otherRule = finding(URL_AUTH, TEMPLATE, base.span(), "MainFunction", "");
        Finding otherFile = finding(TIMEOUT, file("b.yaml", TEMPLATE_LINES), base.span(),
                "MainFunction", "");

        List<String> prints = FindingFingerprints.of(List.of(base, otherRule, otherFile, base));

        assertNotEquals(hash(prints.get(0)), hash(prints.get(1)));
        assertNotEquals(hash(prints.get(0)), hash(prints.get(2)));
        assertTrue(prints.get(0).endsWith(":1"), prints.get(0));
        assertEquals(hash(prints.get(0)) + ":2", prints.get(3));
    }

    @Test
    void fingerprintIgnores_indentationCommentsAndMessage() {
        SourceFile plain = file("t.yaml", List.of("A:", "  b: 1"));
        SourceFile reformatted = file("t.yaml", List.of("# header", "", "A:", "",
                "    b:   1   # why"));

        String before = only(finding(TIMEOUT, plain, new SourceSpan(2, 3, 2, 4), "A", "x"));
        String after = only(finding(TIMEOUT, reformatted, new SourceSpan(5, 5, 5, 6), "A", "y"));

        assertEquals(before, after);
    }

    @Test
    void fingerprintFollows_nodeNotLine() {
        SourceFile yaml = file("t.yaml", List.of("R:", "  A: {Timeout: 3}", "  B:",
                "    Timeout: 3"));

        String onA = only(finding(TIMEOUT, yaml, new SourceSpan(2, 8, 2, 15), "R", ""));
        String onB = only(finding(TIMEOUT, yaml, new SourceSpan(4, 5, 4, 12), "R", ""));

        assertNotEquals(onA, onB);
    }

    @Test
    void unparsableFile_fallsBackToLineText() {
        SourceFile broken = file("t.yaml", List.of("A: [", "  b: 1"));
        SourceFile brokenIndented = file("t.yaml", List.of("", "A: [", "      b: 1  # c"));

        String before = only(finding(TIMEOUT, broken, new SourceSpan(2, 3, 2, 4), "A", ""));
        String after = only(finding(TIMEOUT, brokenIndented, new SourceSpan(3, 7, 3, 8), "A",
                ""));

        assertEquals(before, after);
    }

    private static String only(Finding finding) {
        return FindingFingerprints.of(List.of(finding)).get(0);
    }

    private static String hash(String fingerprint) {
        return fingerprint.substring(0, fingerprint.indexOf(':'));
    }
}
