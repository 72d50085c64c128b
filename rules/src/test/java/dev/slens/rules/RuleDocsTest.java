package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.engine.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks that the committed rule reference in {@code docs/rules} and the rule counts in the
 * README are what {@link RuleDocGenerator} generates now. With {@code -Drule-docs.update=true}
 * the test rewrites them instead.
 */
class RuleDocsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCS = ROOT.resolve("docs/rules");
    private static final Path README = ROOT.resolve("README.md");
    private static final boolean UPDATE = Boolean.getBoolean("rule-docs.update");
    private static final String REGENERATE = "./mvnw -o -q -B test -Dslens.cds.skip=true -pl rules"
            + " -am -Dtest=RuleDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Drule-docs.update=true";
    private static final Pattern COUNTS = Pattern.compile(
            "(<!-- rule-counts:start -->\n)(.*?)(<!-- rule-counts:end -->)", Pattern.DOTALL);

    private final RuleRegistry registry = RuleRegistry.load(getClass().getClassLoader());

    @Test
    void committedPagesMatchGenerator() throws IOException {
        if (UPDATE) {
            RuleDocGenerator.write(registry, DOCS);
        }
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                committed.put(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> generated = RuleDocGenerator.pages(registry);
        assertEquals(generated.keySet(), committed.keySet(),
                "docs/rules lists other pages than the rules have; regenerate with " + REGENERATE);
        for (Map.Entry<String, String> page : generated.entrySet()) {
            assertEquals(page.getValue(), committed.get(page.getKey()), "docs/rules/"
                    + page.getKey() + " is out of date; regenerate with " + REGENERATE);
        }
    }

    @Test
    void readmeStatesRuleCountsPerPillar() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        Matcher block = COUNTS.matcher(readme);
        assertTrue(block.find(), "README.md has no <!-- rule-counts:start --> block");
        String expected = RuleDocGenerator.counts(registry.metadata())
                .replace("](", "](docs/rules/");
        if (UPDATE) {
            readme = readme.substring(0, block.start(2)) + expected
                    + readme.substring(block.end(2));
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, block.group(2),
                "README.md states other rule counts; regenerate with " + REGENERATE);
    }
}
