package dev.slens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalyzerConfig;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final RuleMetadata TIMEOUT = new RuleMetadata("SL1002", "LambdaTimeout",
            "Timeout", Severity.WARNING, Pillar.RELIABILITY, List.of("AWS::Lambda::Function"),
            "0.1.0", "https://example.com", List.of("lambda", "timeout"), List.of("ES1006"),
            true, List.of(new RuleMetadata.Parameter("maxTimeout", "900", "Largest timeout.", 1,
                    900),
                    new RuleMetadata.Parameter("unit", "seconds", "Unit.")));
    private static final RuleMetadata TRACING = new RuleMetadata("SL1004", "LambdaTracing",
            "Tracing", Severity.WARNING, Pillar.OPERATIONAL_EXCELLENCE, List.of(), "0.1.0",
            "https://example.com", List.of("lambda", "tracing"), List.of("WS1000"), true);
    private static final RuleMetadata WILDCARD = new RuleMetadata("SL1006", "Wildcard",
            "Wildcard", Severity.ERROR, Pillar.SECURITY, List.of(), "0.1.0",
            "https://example.com", List.of("iam"), List.of("CKV_AWS_1"), false);

    private final ConfigLoader loader = new ConfigLoader(List.of(TIMEOUT, TRACING, WILDCARD));

    @TempDir
    Path folder;

    @Test
    void fullFile_readsEverySetting() throws IOException {
        ProjectConfig config = load("""
                fail-on: warning
                rules:
                  enable: [SL1006]
                  disable: [tracing]
                severity:
                  es1006: info
                  SL0007: error
                parameters:
                  SL1002:
                    maxTimeout: 30
                exclude:
                  - "tests/**"
                suppressions:
                  require-reason: false
                baseline: build/slens-baseline.json
                as-of: 2026-12-04
                serverless:
                  stage: prod
                """);

        assertEquals("warning", config.failOn());
        assertEquals(List.of("SL1006"), config.enable());
        assertEquals(List.of("tracing"), config.disable());
        assertEquals(Map.of("SL1002", Severity.INFO, "SL0007", Severity.ERROR),
                config.severities());
        assertEquals(Map.of("SL1002", Map.of("maxTimeout", "30")), config.parameters());
        assertEquals(List.of("tests/**"), config.excludes().globs());
        assertEquals(Boolean.FALSE, config.reasonRequired());
        assertEquals(folder.resolve("build/slens-baseline.json").toAbsolutePath().normalize(),
                config.baseline().toAbsolutePath().normalize());
        assertEquals(LocalDate.of(2026, 12, 4), config.asOf());
        assertEquals("prod", config.serverless().stage());
        assertNull(config.serverless().region());
    }

    @Test
    void emptyFile_setsNothing() throws IOException {
        ProjectConfig config = load("# only a comment\n");

        assertNull(config.failOn());
        assertTrue(config.enable().isEmpty());
        assertNull(config.asOf());
    }

    @Test
    void asOf_quotedDate_isRead() throws IOException {
        ProjectConfig config = load("as-of: '2027-01-31'\n");

        assertEquals(LocalDate.of(2027, 1, 31), config.asOf());
    }

    @Test
    void asOf_appliesAsToday() throws IOException {
        ProjectConfig config = load("as-of: 2027-06-30\n");

        AnalyzerConfig built = config.applyTo(AnalyzerConfig.builder().path(folder), List.of())
                .build();

        assertEquals(LocalDate.of(2027, 6, 30), built.today());
    }

    @Test
    void asOf_dayThatDoesNotExist_isRejected() throws IOException {
        List<String> problems = problems("as-of: 2026-02-30\n");

        assertEquals(List.of(".slens.yml:1:8: 'as-of' must be a date in the form YYYY-MM-DD,"
                + " such as 2026-12-04; found '2026-02-30'"), problems);
    }

    @Test
    void asOf_otherForm_isRejected() throws IOException {
        List<String> slashes = problems("as-of: 04/12/2026\n");
        List<String> number = problems("as-of: 20261204\n");

        assertEquals(List.of(".slens.yml:1:8: 'as-of' must be a date in the form YYYY-MM-DD,"
                + " such as 2026-12-04; found '04/12/2026'"), slashes);
        assertEquals(List.of(".slens.yml:1:8: 'as-of' must be a string; found the number"
                + " 20261204"), number);
    }

    @Test
    void asOf_camelCaseKey_suggestsKebabCase() throws IOException {
        List<String> problems = problems("asOf: 2026-12-04\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(".slens.yml:1:1: unknown key 'asOf'; did you"
                + " mean 'as-of'?"), problems.get(0));
    }

    @Test
    void badEnum_namesKeyValuesAndPlace() throws IOException {
        List<String> problems = problems("# settings\nfail-on: high\n");

        assertEquals(List.of(".slens.yml:2:10: 'fail-on' must be one of error, warning, info,"
                + " none; found 'high'"), problems);
    }

    @Test
    void unknownKey_suggestsClosest() throws IOException {
        List<String> problems = problems("fail_on: error\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(".slens.yml:1:1: unknown key 'fail_on'; did you"
                + " mean 'fail-on'?"), problems.get(0));
    }

    @Test
    void unknownKey_withoutSuggestion_listsKeysAfterSemicolon() throws IOException {
        List<String> problems = problems("x: 1\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(".slens.yml:1:1: unknown key 'x'; expected one"
                + " of: "), problems.get(0));
    }

    @Test
    void wrongType_namesExpectedAndFound() throws IOException {
        List<String> problems = problems("exclude: tests/**\n");

        assertEquals(List.of(".slens.yml:1:10: 'exclude' must be a list; found 'tests/**'"),
                problems);
    }

    @Test
    void duplicateKey_isRejectedWithoutLastCopyClaim() throws IOException {
        List<String> problems = problems("""
                fail-on: warning
                fail-on: error
                """);

        assertEquals(List.of(".slens.yml:2:1: a key appears twice in the configuration; remove"
                + " one of them"), problems);
    }

    @Test
    void engineCheckInRules_saysItAlwaysRuns() throws IOException {
        List<String> problems = problems("""
                rules:
                  disable: [SL0007, engine]
                """);

        assertEquals(2, problems.size(), problems.toString());
        assertEquals(".slens.yml:2:13: 'SL0007' in 'rules.disable' is one of the engine's own"
                + " checks, which always run; suppress a finding of it in the template, or set"
                + " its level under 'severity'", problems.get(0));
        assertTrue(problems.get(1).startsWith(".slens.yml:2:21: 'engine' in 'rules.disable'"),
                problems.get(1));
    }

    @Test
    void unknownRuleAndParameter_suggestClosest() throws IOException {
        List<String> problems = problems("""
                rules:
                  disable: [SL1014, securty]
                parameters:
                  SL1002:
                    maxTimout: 30
                  SL1004:
                    anything: 1
                """);

        assertEquals(4, problems.size(), problems.toString());
        assertEquals(".slens.yml:2:13: unknown rule, pillar or tag 'SL1014' in 'rules.disable';"
                + " did you mean 'SL1004'?", problems.get(0));
        assertTrue(problems.get(1).contains("'securty'") && problems.get(1).contains(
                "did you mean 'security'?"), problems.get(1));
        assertEquals(".slens.yml:5:5: rule SL1002 has no parameter 'maxTimout'; did you mean"
                + " 'maxTimeout'? Its parameters: maxTimeout, unit", problems.get(2));
        assertEquals(".slens.yml:7:5: rule SL1004 has no parameter 'anything'; it has no"
                + " parameters", problems.get(3));
    }

    @Test
    void wholeNumberParameter_rejectsText() throws IOException {
        List<String> problems = problems("parameters:\n  SL1002:\n    maxTimeout: ten\n");

        assertEquals(List.of(".slens.yml:3:17: 'parameters.SL1002.maxTimeout' must be a whole"
                + " number, like its default 900; found 'ten'"), problems);
    }

    @Test
    void wholeNumberParameter_rejectsOutOfRange() throws IOException {
        List<String> zero = problems("parameters:\n  SL1002:\n    maxTimeout: 0\n");
        List<String> huge = problems("parameters:\n  SL1002:\n    maxTimeout: 1000000000000\n");
        List<String> longer = problems(
                "parameters:\n  SL1002:\n    maxTimeout: 99999999999999999999999\n");

        assertEquals(List.of(".slens.yml:3:17: 'parameters.SL1002.maxTimeout' must be from 1 to"
                + " 900; found 0"), zero);
        assertEquals(List.of(".slens.yml:3:17: 'parameters.SL1002.maxTimeout' must be from 1 to"
                + " 900; found 1000000000000"), huge);
        assertEquals(1, longer.size(), longer.toString());
    }

    @Test
    void yamlSyntaxError_givesPlace() throws IOException {
        List<String> problems = problems("fail-on: [error\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(".slens.yml:"), problems.get(0));
        assertFalse(problems.get(0).contains(". at "), problems.get(0));
    }

    @Test
    void scalarRoot_isRejected() throws IOException {
        List<String> problems = problems("just text\n");

        assertEquals(List.of(".slens.yml:1:1: the configuration must be a mapping of settings,"
                + " such as 'fail-on: warning'"), problems);
    }

    @Test
    void missingFile_isReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(folder.resolve("nope.yml"), "nope.yml"));

        assertEquals("configuration file not found: 'nope.yml'", e.getMessage());
    }

    @Test
    void folderInsteadOfFile_isReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.load(folder, "conf"));

        assertEquals("'conf' is a folder; name the configuration file, such as"
                + " 'conf/.slens.yml'", e.getMessage());
    }

    @Test
    void find_walksUpToRepositoryRoot() throws IOException {
        Path repository = Files.createDirectories(folder.resolve("repo"));
        Files.createDirectories(repository.resolve(".git"));
        Path nested = Files.createDirectories(repository.resolve("stacks/api"));
        Files.writeString(repository.resolve(ConfigLoader.FILE_NAME), "fail-on: info\n");
        Files.writeString(folder.resolve(ConfigLoader.FILE_NAME), "fail-on: none\n");

        assertEquals(repository.resolve(ConfigLoader.FILE_NAME),
                ConfigLoader.find(nested).orElseThrow());
        assertEquals(repository.resolve(ConfigLoader.FILE_NAME),
                ConfigLoader.find(nested.resolve("template.yaml")).orElseThrow());
    }

    @Test
    void find_outsideRepository_looksOnlyInFolder() throws IOException {
        Path nested = Files.createDirectories(folder.resolve("a/b"));
        Files.writeString(folder.resolve(ConfigLoader.FILE_NAME), "fail-on: none\n");

        assertFalse(ConfigLoader.find(nested).isPresent());
        assertTrue(ConfigLoader.find(folder).isPresent());
    }

    private ProjectConfig load(String text) throws IOException {
        Path file = folder.resolve(ConfigLoader.FILE_NAME);
        Files.writeString(file, text);
        return loader.load(file, ConfigLoader.FILE_NAME);
    }

    private List<String> problems(String text) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        return e.problems();
    }
}
