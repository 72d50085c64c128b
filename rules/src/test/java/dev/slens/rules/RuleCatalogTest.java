package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.engine.RuleRegistry;
import dev.slens.fixtures.Fixture;
import dev.slens.fixtures.Fixtures;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks that every rule is complete: metadata, package, docs, fixtures and registration. */
class RuleCatalogTest {

    private static final RuleRegistry REGISTRY =
            RuleRegistry.load(RuleCatalogTest.class.getClassLoader());

    static Stream<Rule> rules() {
        return REGISTRY.rules().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void metadataIsComplete(Rule rule) {
        RuleMetadata metadata = rule.metadata();
        assertTrue(metadata.id().matches("SL[1-9]\\d{3}"), "malformed ID " + metadata.id());
        assertTrue(metadata.name().matches("[A-Z][A-Za-z0-9]+"), "name " + metadata.name());
        assertTrue(metadata.summary().length() <= 70, "summary longer than 70 characters");
        assertFalse(metadata.summary().endsWith("."), "summary ends with a period");
        assertFalse(metadata.resourceTypes().isEmpty(), "no resource types");
        assertTrue(metadata.sourceUrl().startsWith("https://"),
                "source URL " + metadata.sourceUrl());
        assertTrue(metadata.since().matches("\\d+\\.\\d+\\.\\d+"), "since " + metadata.since());
        assertTrue(rule.getClass().getSimpleName().endsWith("Rule"), "class name suffix");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void onlySecurityRulesDeclareSecuritySeverity(Rule rule) {
        RuleMetadata metadata = rule.metadata();
        if (metadata.pillar() != Pillar.SECURITY) {
            assertEquals("", metadata.securitySeverity(),
                    metadata.id() + " is not a security rule but declares a security severity");
        }
    }

    /**
     * GitHub turns {@code security-severity} into its own level: over 9.0 critical, 7.0 to 8.9
     * high, 4.0 to 6.9 medium and 0.1 to 3.9 low. A declared score must land in the band that
     * matches the rule's default level, so that code scanning and the SARIF level agree.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void securitySeverityFitsDefaultLevel(Rule rule) {
        RuleMetadata metadata = rule.metadata();
        if (metadata.securitySeverity().isEmpty()) {
            return;
        }
        double score = Double.parseDouble(metadata.securitySeverity());
        double[] band = switch (metadata.severity()) {
            case ERROR -> new double[] {7.0, 10.0};
            case WARNING -> new double[] {4.0, 6.9};
            case INFO -> new double[] {0.1, 3.9};
        };
        String message = metadata.id() + " is " + metadata.severity()
                + " but its security severity " + score + " is outside " + band[0] + " to "
                + band[1];
        assertTrue(score >= band[0], message);
        assertTrue(score <= band[1], message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void securityRulesDeclareSecuritySeverity(Rule rule) {
        RuleMetadata metadata = rule.metadata();
        if (metadata.pillar() == Pillar.SECURITY || metadata.tags().contains("security")) {
            assertFalse(metadata.securitySeverity().isEmpty(), metadata.id()
                    + " is a security rule but declares no securitySeverity, so SARIF readers"
                    + " such as GitHub code scanning cannot rank its findings");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void packageMatchesPillar(Rule rule) {
        Pillar pillar = rule.metadata().pillar();
        assertEquals("dev.slens.rules." + pillar.packageName(), rule.getClass().getPackageName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void proseDocHasEverySection(Rule rule) throws IOException {
        String id = rule.metadata().id();
        try (InputStream in = Rule.class.getResourceAsStream("/rule-docs/" + id + ".md")) {
            assertNotNull(in, "missing rule-docs/" + id + ".md");
            String prose = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String section : RuleDocGenerator.SECTIONS) {
                assertTrue(prose.contains("## " + section + "\n"), id + " lacks '" + section + "'");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void hasPassingAndFailingFixtures(Rule rule) {
        String id = rule.metadata().id();
        List<Fixture> fixtures = Fixtures.ruleFixtures().stream()
                .filter(f -> f.ruleId().equals(id)).toList();
        assertTrue(fixtures.stream().anyMatch(f -> f.kind() == Fixture.Kind.PASS), id + " pass");
        assertTrue(fixtures.stream().anyMatch(f -> f.kind() == Fixture.Kind.FAIL), id + " fail");
        boolean marksOwnRule = fixtures.stream().filter(f -> f.kind() == Fixture.Kind.FAIL)
                .allMatch(f -> f.expected().stream().anyMatch(e -> e.ruleId().equals(id)));
        assertTrue(marksOwnRule, id + " has a fail fixture without a marker for the rule");
    }

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Rule rule : REGISTRY.rules()) {
            assertTrue(seen.add(rule.metadata().id()), "duplicate ID " + rule.metadata().id());
        }
    }

    @Test
    void everyFixtureFolderBelongsToARule() {
        Set<String> ids = new HashSet<>();
        REGISTRY.rules().forEach(r -> ids.add(r.metadata().id()));
        for (String folder : Fixtures.ruleIdsWithFixtures()) {
            assertTrue(ids.contains(folder), "fixtures for unknown rule " + folder);
        }
    }

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Path classes = Path.of(RuleDocGenerator.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath());
        Set<String> registered = new HashSet<>();
        REGISTRY.rules().forEach(r -> registered.add(r.getClass().getName()));
        try (Stream<Path> files = Files.walk(classes)) {
            List<String> annotated = files.filter(p -> p.toString().endsWith("Rule.class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.')
                            .replaceFirst("\\.class$", ""))
                    .filter(RuleCatalogTest::isAnnotatedRule)
                    .toList();
            assertFalse(annotated.isEmpty(), "no rule classes found under " + classes);
            for (String name : annotated) {
                assertTrue(registered.contains(name), name + " is not in META-INF/services");
            }
        }
    }

    @Test
    void serviceFileListsEachRuleOnce() throws IOException {
        Path classes = Path.of(RuleDocGenerator.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath());
        Path services = classes.resolve("META-INF/services/" + Rule.class.getName());
        List<String> lines = Files.readAllLines(services, StandardCharsets.UTF_8);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String name = lines.get(i).strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                assertTrue(seen.add(name), services + " line " + (i + 1) + " repeats " + name);
            }
        }
        assertFalse(seen.isEmpty(), "no rule classes listed in " + services);
    }

    private static boolean isAnnotatedRule(String className) {
        try {
            return Class.forName(className).isAnnotationPresent(RuleInfo.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + className, e);
        }
    }
}
