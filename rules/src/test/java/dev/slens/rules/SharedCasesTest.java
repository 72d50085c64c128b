package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs that made other analyzers wrong, read from the shared cases folder when it is present.
 * Each test states in our words what slens must report, by rule and line.
 */
class SharedCasesTest {

    private static final Analyzer ANALYZER = Analyzer.withRegisteredRules();

    @Test
    void nestedStackOutputCountsAsDeadLetterQueue() {
        AnalysisResult result = analyze("001-getatt-dotted-nested-stack-output", "template.yaml");
        assertEquals(List.of(35), lines(result, "SL1001"));
        assertEquals(List.of(), lines(result, "SL1046"));
        assertEquals(List.of(), lines(result, "SL0001"));
        assertEquals(List.of(), lines(result, "SL0014"), "the dotted GetAtt is well formed");
    }

    @Test
    void conditionalWildcardActionReportedOnce() {
        AnalysisResult result = analyze("002-if-novalue-in-iam-action", "template.yaml");
        assertEquals(List.of(34), lines(result, "SL1006"));
        assertTrue(only(result, "SL1006").get(0).message().contains("IsDev"),
                "the message names the condition");
        assertEquals(List.of(), lines(result, "SL0014"), "Fn::If with AWS::NoValue is valid");
        assertEquals(List.of(), lines(result, "SL0003"));
    }

    @Test
    void globalsReachSamFunctionsOnly() {
        AnalysisResult result = analyze("003-sam-globals-merge", "template.yaml");
        assertEquals(List.of(38), lines(result, "SL1002"));
        assertEquals(List.of(33, 38), lines(result, "SL1004"));
        // ReportFunction's Environment merges with the global one and keeps its KmsKeyArn.
        assertEquals(List.of(), lines(result, "SL1012"));
    }

    @Test
    void logGroupsTiedThroughIntrinsics() {
        AnalysisResult result = analyze("007-log-retention-association", "template.yaml");
        assertEquals(List.of(51), lines(result, "SL1005"));
        assertEquals(List.of(), lines(result, "SL0003"));
    }

    @Test
    void wildcardResourcesFoundAfterSubstitution() {
        AnalysisResult result = analyze("008-sub-join-resolving-to-wildcard", "template.yaml");
        assertEquals(List.of(32, 50), lines(result, "SL1006"));
        assertTrue(only(result, "SL1006").get(0).message().contains("ResourceScope"),
                "the message names the parameter");
    }

    @Test
    void managedPolicyNamesAndTemplatesAccepted() {
        AnalysisResult result = analyze("009-sam-policies-names-and-templates", "template.yaml");
        assertEquals(List.of(55), lines(result, "SL1006"));
        // The bare managed policy names and the policy template of OrdersFunction are valid.
        assertEquals(List.of(), lines(result, "SL8001"));
        assertEquals(List.of(), lines(result, "SL8002"));
        assertEquals(List.of(), lines(result, "SL8007"));
        assertEquals(List.of(), lines(result, "SL0002"));
        assertEquals(List.of(), lines(result, "SL0017"));
    }

    @Test
    void destinationsCountAsFailureHandling() {
        AnalysisResult result = analyze("012-dlq-or-onfailure-destination", "template.yaml");
        assertEquals(List.of(77), lines(result, "SL1001"));
        // Both invoke configurations retry and send failures to FailureQueue.
        assertEquals(List.of(), lines(result, "SL1046"));
        // The SQS consumer is polled, so no stream or EventBridge failure rule applies to it.
        assertEquals(List.of(), lines(result, "SL1007"));
        assertEquals(List.of(), lines(result, "SL4001"));
        // FailureQueue (line 16) is a dead-letter queue and an on-failure destination, so it
        // needs no dead-letter queue of its own; WorkQueue has one.
        assertEquals(List.of(), lines(result, "SL6001"));
        // The DLQ keeps messages only as long as its source, both at the 4-day default.
        assertEquals(List.of(16), lines(result, "SL6022"));
    }

    @Test
    void forEachLoopExpandedAtTemplatedLine() {
        AnalysisResult result = analyze("014-foreach-transform-list", "template.yaml");
        List<Finding> timeouts = only(result, "SL1002");
        assertEquals(List.of(11, 11), lines(result, "SL1002"));
        assertTrue(timeouts.stream().anyMatch(f -> f.message().contains("BillingFunction")));
        assertTrue(timeouts.stream().anyMatch(f -> f.message().contains("ShippingFunction")));
        assertEquals(List.of(), lines(result, "SL0002"));
        assertEquals(List.of(), lines(result, "SL0014"), "the ForEach entry is not a resource");
        assertEquals(List.of(), lines(result, "SL0017"));
    }

    @Test
    void duplicateLogicalIdKeepsLastCopy() {
        AnalysisResult yaml = analyze("017-duplicate-logical-ids", "template.yaml");
        assertEquals(List.of(23), lines(yaml, "SL0004"));
        assertEquals(5, only(yaml, "SL0004").get(0).related().get(0).span().line());
        assertEquals(List.of(23), lines(yaml, "SL1002"));

        AnalysisResult json = analyze("017-duplicate-logical-ids", "template.json");
        assertEquals(List.of(14), lines(json, "SL0004"));
        assertEquals(12, only(json, "SL0004").get(0).related().get(0).span().line());
        assertEquals(List.of(14), lines(json, "SL1004"));
    }

    @Test
    void trailingCommasWarnedAndAnalyzed() {
        AnalysisResult result = analyze("018-json-trailing-comma", "template.json");
        assertEquals(List.of(19, 22), lines(result, "SL0005"));
        assertEquals(List.of(5), lines(result, "SL1002"));
        assertEquals(List.of(), lines(result, "SL0001"));
    }

    @Test
    void byteOrderMarkAndCrlfKeepLines() {
        AnalysisResult yaml = analyze("019-bom-crlf-line-numbers", "template.yaml");
        assertEquals(List.of(7), lines(yaml, "SL1002"));
        assertEquals(List.of(23), lines(yaml, "SL1004"));
        assertFalse(yaml.files().get(0).line(14).contains("\r"));
        assertTrue(yaml.files().get(0).line(14).contains("naïve résumé"));

        AnalysisResult json = analyze("019-bom-crlf-line-numbers", "template.json");
        assertEquals(List.of(5), lines(json, "SL1002"));
    }

    @Test
    void runtimeTableFlagsRetiredRuntimesOnly() {
        AnalysisResult result = analyze("020-deprecated-runtime-table", "template.yaml");
        List<Integer> errors = only(result, "SL1003").stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.span().line()).toList();
        assertEquals(List.of(21, 26, 31, 36), errors);
        assertTrue(only(result, "SL1003").stream().filter(f -> f.span().line() == 36)
                .allMatch(f -> f.message().contains("LegacyRuntime")));
        List<Integer> others = only(result, "SL1003").stream()
                .filter(f -> f.severity() != Severity.ERROR)
                .map(f -> f.span().line()).toList();
        assertTrue(others.stream().allMatch(line -> line == 56), "only python3.99 may get a note");
    }

    static AnalysisResult analyze(String caseName, String file) {
        Path folder = sharedCases().resolve(caseName);
        assumeTrue(Files.isDirectory(folder), "shared cases are not present");
        return ANALYZER.analyze(AnalyzerConfig.builder()
                .path(folder.resolve(file))
                .baseDirectory(folder)
                .today(RuleFixturesTest.FIXTURE_DATE)
                .threads(1)
                .build());
    }

    static Path sharedCases() {
        return Path.of(System.getProperty("slens.shared.dir", "../shared")).resolve("cases");
    }

    private static List<Finding> only(AnalysisResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    private static List<Integer> lines(AnalysisResult result, String ruleId) {
        return only(result, ruleId).stream().map(f -> f.span().line()).toList();
    }
}
