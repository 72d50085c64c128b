package dev.slens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SarifUrisTest {

    @Test
    void encodesSpaceAndHash() {
        assertEquals("legacy%20stack%20%232.yaml", SarifUris.encode("legacy stack #2.yaml"));
    }

    @Test
    void encodesUnicodeAndReservedCharacters() {
        assertEquals("stacks/caf%C3%A9/na%C3%AFve.yaml",
                SarifUris.encode("stacks/café/naïve.yaml"));
        assertEquals("a%3Ab.yaml", SarifUris.encode("a:b.yaml"));
        assertEquals("sub/t.yaml", SarifUris.encode("./sub\\t.yaml"));
        assertEquals("100%25.yaml", SarifUris.encode("100%.yaml"));
        assertEquals("q%3F%5Bx%5D.yaml", SarifUris.encode("q?[x].yaml"));
    }

    @Test
    void keepsParentSegments() {
        assertEquals("../b/t.yaml", SarifUris.encode("../b/t.yaml"));
        assertEquals("../../stacks/my%20api/t.yaml",
                SarifUris.encode("../../stacks/my api/t.yaml"));
    }

    @Test
    void driveLetterPathBecomesAbsolutePathReference() {
        assertEquals("/C:/work/t.yaml", SarifUris.encode("C:\\work\\t.yaml"));
        assertEquals("/d:/a%3Ab.yaml", SarifUris.encode("d:/a:b.yaml"));
    }
}
