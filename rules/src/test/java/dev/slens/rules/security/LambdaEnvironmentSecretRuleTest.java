package dev.slens.rules.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.fixtures.Fixture;
import dev.slens.fixtures.Fixtures;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaEnvironmentSecretRuleTest {

    /** The secrets written in the SL1010 fixtures, none of which a message may contain. */
    private static final List<String> SECRETS = List.of("AKIAIOSFODNN7EXAMPLE",
            "ghp_0123456789abcdefghijABCDEFGHIJ012345", "s3cr3tPassw0rd", "MIIEowIBAAKCAQEA",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "hunter2-orders", "tok-2024-orders",
            "Zq8vL2mN4xR7tY1wB5cJ9kE3hU6pA0sD", "correct-horse");

    @Test
    void messages_neverContainSecret() {
        List<Fixture> fixtures = Fixtures.ruleFixtures().stream()
                .filter(f -> f.ruleId().equals("SL1010")).toList();
        assertFalse(fixtures.isEmpty());
        int reported = 0;
        for (Fixture fixture : fixtures) {
            AnalysisResult result = Analyzer.withRegisteredRules().analyze(AnalyzerConfig
                    .builder().path(fixture.path()).baseDirectory(fixture.path().getParent())
                    .threads(1).build());
            for (Finding finding : result.findings()) {
                for (String secret : SECRETS) {
                    assertFalse(finding.message().contains(secret), finding.message());
                }
                reported += finding.ruleId().equals("SL1010") ? 1 : 0;
            }
        }
        assertEquals(11, reported);
    }

    @Test
    void isSecretName_lastWordDecides() {
        assertTrue(SecretDetector.isSecretName("DB_PASSWORD"));
        assertTrue(SecretDetector.isSecretName("githubToken"));
        assertTrue(SecretDetector.isSecretName("STRIPE_API_KEY"));
        assertFalse(SecretDetector.isSecretName("SECRET_ARN"));
        assertFalse(SecretDetector.isSecretName("TOKEN_TTL"));
        assertFalse(SecretDetector.isSecretName("PARTITION_KEY"));
    }

    @Test
    void isHighEntropy_randomButNotDigests() {
        assertTrue(SecretDetector.isHighEntropy("Zq8vL2mN4xR7tY1wB5cJ9kE3hU6pA0sD"));
        assertFalse(SecretDetector.isHighEntropy(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        assertFalse(SecretDetector.isHighEntropy("OrdersTableWithLongName2024"));
        assertTrue(SecretDetector.isHighEntropy("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
    }

    @Test
    void mask_hidesShortSecretsEntirely() {
        assertEquals("'AKIA****' (20 characters)", SecretDetector.mask("AKIAIOSFODNN7EXAMPLE"));
        assertEquals("'****' (6 characters)", SecretDetector.mask("abc123"));
    }
}
