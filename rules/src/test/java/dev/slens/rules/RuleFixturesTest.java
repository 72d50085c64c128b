package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.fixtures.Fixture;
import dev.slens.fixtures.Fixtures;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every rule fixture through the whole analyzer with every registered rule, and compares
 * the findings with the file's markers by rule ID and line, and by message where a marker
 * quotes one. The comparison covers the fixture's own rule, the engine's checks and every rule a
 * marker names; other rules' findings are left to those rules' fixtures, so adding a rule never
 * changes the result of another rule's fixture. A finding in a file that the fixture
 * includes, such as a state machine definition in its own file, must match a marker in that
 * file. Suppressed findings are left out as well, as they never fail a build, so a
 * {@code pass-suppressed-*} fixture shows that a suppression covers its finding.
 */
class RuleFixturesTest {

    /** The date runtime checks count as today in fixtures, so results do not age. */
    static final LocalDate FIXTURE_DATE = LocalDate.of(2026, 12, 4);

    private static final Pattern PARAMETER =
            Pattern.compile("#\\s*parameter:\\s*([A-Za-z][A-Za-z0-9]*)\\s*=(.*)$");

    private static final Analyzer ANALYZER = Analyzer.withRegisteredRules();

    static Stream<Fixture> fixtures() {
        return Fixtures.ruleFixtures().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureGivesMarkedFindings(Fixture fixture) {
        assertNotNull(fixture.kind(), fixture.name()
                + " must start with pass, fail, known-fp or known-fn");
        if (fixture.kind() == Fixture.Kind.FAIL) {
            assertFalse(fixture.expected().isEmpty(), fixture.name() + " has no expect marker");
        }
        List<Fixture.Expected> actual = findings(fixture);
        if (fixture.kind() == Fixture.Kind.PASS || fixture.kind() == Fixture.Kind.FAIL) {
            assertEquals(fixture.expected(), actual, fixture.name() + ": " + describe(fixture));
            assertQuotedMessages(fixture);
        } else {
            assertNotEquals(fixture.expected(), actual, fixture.name()
                    + " now gives the right result; rename it to a pass or fail fixture");
        }
    }

    private static void assertQuotedMessages(Fixture fixture) {
        List<Finding> findings = analyze(fixture).findings();
        for (Fixture.ExpectedMessage expected : fixture.messages()) {
            boolean found = findings.stream().anyMatch(f -> f.ruleId().equals(expected.ruleId())
                    && f.span().line() == expected.line()
                    && f.message().contains(expected.text()));
            assertTrue(found, fixture.name() + ": no " + expected.ruleId() + " finding on line "
                    + expected.line() + " contains \"" + expected.text() + "\"; "
                    + describe(fixture));
        }
    }

    static List<Fixture.Expected> findings(Fixture fixture) {
        return analyze(fixture).unsuppressedFindings().stream()
                .filter(f -> compared(fixture, f.ruleId()))
                .map(f -> new Fixture.Expected(f.ruleId(), label(fixture, f), f.span().line()))
                .sorted()
                .toList();
    }

    /**
     * Returns the file of {@code finding} relative to the fixture's folder, or the empty string
     * when it is the fixture itself, as {@link Fixture.Expected} labels files.
     */
    private static String label(Fixture fixture, Finding finding) {
        Path file = finding.file().path().toAbsolutePath().normalize();
        Path own = fixture.path().toAbsolutePath().normalize();
        if (file.equals(own)) {
            return "";
        }
        return own.getParent().relativize(file).toString().replace('\\', '/');
    }

    /** Returns whether findings of {@code ruleId} take part in the comparison of a fixture. */
    private static boolean compared(Fixture fixture, String ruleId) {
        boolean marked = fixture.expected().stream().anyMatch(e -> e.ruleId().equals(ruleId));
        if (marked) {
            return true;
        }
        boolean ownOrEngine = ruleId.equals(fixture.ruleId()) || ruleId.startsWith("SL0");
        return ownOrEngine && !fixture.allowed().contains(ruleId);
    }

    /**
     * Analyzes a fixture with its own rule switched on, so that rules that are off by default
     * are tested too, and with the rule parameters that {@code # parameter: name=value} lines
     * of the fixture set.
     */
    private static AnalysisResult analyze(Fixture fixture) {
        AnalyzerConfig.Builder config = AnalyzerConfig.builder()
                .path(fixture.path())
                .baseDirectory(fixture.path().getParent())
                .today(FIXTURE_DATE)
                .threads(1)
                .enableRule(fixture.ruleId());
        try {
            for (String line : Files.readAllLines(fixture.path(), StandardCharsets.UTF_8)) {
                Matcher parameter = PARAMETER.matcher(line);
                if (parameter.find()) {
                    config.ruleParameter(fixture.ruleId(), parameter.group(1),
                            parameter.group(2).strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + fixture.path(), e);
        }
        return ANALYZER.analyze(config.build());
    }

    private static String describe(Fixture fixture) {
        StringBuilder text = new StringBuilder("findings were");
        for (Finding finding : analyze(fixture).findings()) {
            text.append("\n  ").append(finding.ruleId()).append(" line ")
                    .append(finding.span().line()).append(": ").append(finding.message());
            if (finding.suppressed()) {
                text.append(" (suppressed)");
            }
        }
        return text.toString();
    }
}
