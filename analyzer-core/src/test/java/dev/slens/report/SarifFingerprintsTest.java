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

class SarifFingerprintsTest {

    private static final SourceFile TEMPLATE = file("template.yaml", TEMPLATE_LINES);

    @Test
    void fingerprintsDiffer_forRuleFileAndRepeat() {
        Finding base = finding(TIMEOUT, TEMPLATE, new SourceSpan(5, 5, 5, 15), "MainFunction", "");
        Finding otherRule = finding(URL_AUTH, TEMPLATE, base.span(), "MainFunction", "");
        Finding otherFile = finding(TIMEOUT, file("b.yaml", TEMPLATE_LINES), base.span(),
                "MainFunction", "");
        SarifFingerprints fingerprints = new SarifFingerprints();

        assertNotEquals(SarifFingerprints.hash(base), SarifFingerprints.hash(otherRule));
        assertNotEquals(SarifFingerprints.hash(base), SarifFingerprints.hash(otherFile));
        assertTrue(fingerprints.next(base).endsWith(":1"));
        assertTrue(fingerprints.next(base).endsWith(":2"));
    }

    @Test
    void hashIgnoresIndentationAndMessage() {
        SourceSpan span = new SourceSpan(2, 1, 2, 3);
        Finding plain = finding(TIMEOUT, file("t.yaml", List.of("A:", "  b: 1")), span, "A", "x");
        Finding indented = finding(TIMEOUT, file("t.yaml", List.of("A:", "\tb:  1 ")), span, "A",
                "y");

        assertEquals(SarifFingerprints.hash(plain), SarifFingerprints.hash(indented));
    }
}
