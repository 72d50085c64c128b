package dev.slens.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleMetadataTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "5", "7.5", "10", "10.0"})
    void acceptsSecuritySeverity(String score) {
        assertEquals(score, metadata(score).securitySeverity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "10.1", "11", "7.55", "high", " 7.5", "-1"})
    void rejectsSecuritySeverity(String score) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> metadata(score));

        assertTrue(error.getMessage().contains("'" + score + "'"), error.getMessage());
        assertTrue(error.getMessage().contains("SL8999"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ERROR", "INFO"})
    void otherSeverityDropsDeclaredScore(Severity severity) {
        assertEquals("", metadata("6.5").withSeverity(severity).securitySeverity());
    }

    @Test
    void sameSeverityKeepsDeclaredScore() {
        assertEquals("6.5", metadata("6.5").withSeverity(Severity.WARNING).securitySeverity());
    }

    private static RuleMetadata metadata(String score) {
        return new RuleMetadata("SL8999", "Test", "A test rule", Severity.WARNING,
                Pillar.SECURITY, List.of("AWS::IAM::Role"), "0.1.0", "https://example.com",
                List.of("security"), List.of(), true, List.of(), score);
    }
}
