package dev.slens.internal.suppress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionFilterTest {

    private static final RuleMetadata TIMEOUT = rule("SL1002", "ES1006");
    private static final RuleMetadata TRACING = rule("SL1004", "WS1000");
    private static final RuleMetadata WILDCARD = rule("SL1006", "F3");

    private final SuppressionFilter filter = new SuppressionFilter(Map.of("SL1002", TIMEOUT,
            "SL1004", TRACING, "SL1006", WILDCARD));

    @Test
    void ownForm_suppressesFindingOnResource() {
        Template template = template("""
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      slens:
                        ignore:
                          - id: SL1002
                            reason: The handler returns within a second.
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Orders")));

        assertEquals(1, out.size(), out.toString());
        Suppression suppression = out.get(0).suppression();
        assertTrue(out.get(0).suppressed());
        assertEquals(Suppression.Kind.IN_SOURCE, suppression.kind());
        assertEquals("The handler returns within a second.", suppression.justification());
        TestLoading.assertStartsAt(7, 17, suppression.span());
    }

    @Test
    void ownForm_matchesIdsInAnyCaseAndLists() {
        Template template = template("""
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      slens:
                        ignore:
                          - id: sl1002
                            reason: Lower case by habit.
                          - id: [SL1004, SL1006]
                            reason: Both accepted for now.
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Orders"),
                finding(template, "SL1004", "Orders"), finding(template, "SL1006", "Orders")));

        assertEquals(List.of("SL1002", "SL1004", "SL1006"), ids(out));
        assertTrue(out.stream().allMatch(Finding::suppressed), out.toString());
    }

    @Test
    void forEachBody_suppressesEachGeneratedResource() {
        Template template = template("""
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::Workers:
                    - Name
                    - [Billing, Shipping]
                    - ${Name}Function:
                        Type: AWS::Lambda::Function
                        Metadata:
                          slens:
                            ignore:
                              - id: SL1002
                                reason: Each worker finishes within a second.
                """);

        List<Finding> out = filter.apply(template, List.of(
                finding(template, "SL1002", "BillingFunction"),
                finding(template, "SL1002", "ShippingFunction")));

        assertEquals(List.of("SL1002", "SL1002"), ids(out));
        assertTrue(out.stream().allMatch(Finding::suppressed), out.toString());
    }

    @Test
    void ownForm_leavesOtherResourcesAndRules() {
        Template template = template("""
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      slens:
                        ignore: [{id: SL1002, reason: Short handler.}]
                  Jobs:
                    Type: AWS::Lambda::Function
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Jobs"),
                finding(template, "SL1004", "Orders")));

        assertFalse(out.get(0).suppressed());
        assertFalse(out.get(1).suppressed());
        assertEquals(List.of("SL1002", "SL1004", "SL0007"), ids(out));
    }

    @Test
    void cfnLintForm_matchesServerlessRulesAlias() {
        Template template = template("""
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      cfn-lint:
                        config:
                          ignore_checks: [ES1006, WS1000]
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Orders"),
                finding(template, "SL1004", "Orders")));

        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(0).suppressed());
        assertTrue(out.get(1).suppressed());
        assertNull(out.get(0).suppression().justification());
    }

    @Test
    void cfnNagForm_matchesAliasWithReason() {
        Template template = template("""
                Resources:
                  OrdersRole:
                    Type: AWS::IAM::Role
                    Metadata:
                      cfn_nag:
                        rules_to_suppress:
                          - id: F3
                            reason: The role reads any table of the account.
                """);

        List<Finding> out = filter.apply(template,
                List.of(finding(template, "SL1006", "OrdersRole")));

        assertEquals(1, out.size(), out.toString());
        assertEquals("The role reads any table of the account.",
                out.get(0).suppression().justification());
    }

    @Test
    void topLevelMetadata_coversWholeFile() {
        Template template = template("""
                Metadata:
                  cfn-lint:
                    config:
                      ignore_checks: [ES1006]
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                  Jobs:
                    Type: AWS::Lambda::Function
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Orders"),
                finding(template, "SL1002", "Jobs"), finding(template, "SL1002", null)));

        assertEquals(3, out.size(), out.toString());
        assertTrue(out.stream().allMatch(Finding::suppressed), out.toString());
    }

    @Test
    void samFunctionMetadata_coversGeneratedRole() {
        Template template = template("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Metadata:
                      slens:
                        ignore: [{id: SL1006, reason: The function lists every bucket.}]
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Policies: [AmazonS3ReadOnlyAccess]
                """);
        assertEquals("Orders", template.resource("OrdersRole").generatedFrom());

        List<Finding> out = filter.apply(template,
                List.of(finding(template, "SL1006", "OrdersRole")));

        assertEquals(1, out.size(), out.toString());
        assertTrue(out.get(0).suppressed());
    }

    @Test
    void ownFormWithoutReason_isReportedAndNotApplied() {
        Template template = template("""
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      slens:
                        ignore: [{id: SL1002}, SL1004]
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1002", "Orders"),
                finding(template, "SL1004", "Orders")));

        assertEquals(List.of("SL1002", "SL1004", "SL0006", "SL0006"), ids(out));
        assertFalse(out.get(0).suppressed());
        assertFalse(out.get(1).suppressed());
        Finding missing = out.get(2);
        assertEquals(Severity.WARNING, missing.severity());
        assertEquals("Orders", missing.logicalId());
        assertEquals("The suppression of 'SL1002' on resource 'Orders' has no reason, so it is"
                + " not applied; add a reason saying why the finding does not apply.",
                missing.message());
        TestLoading.assertStartsAt(6, 23, missing.span());
    }

    @Test
    void unusedSuppression_isReportedAsNote() {
        Template template = template("""
                Metadata:
                  slens:
                    ignore: [{id: SL1004, reason: Tracing is set by the account.}]
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Metadata:
                      cfn-lint:
                        config:
                          ignore_checks: [ES1006, E3012]
                """);

        List<Finding> out = filter.apply(template, List.of());

        assertEquals(List.of("SL0007", "SL0007"), ids(out));
        assertEquals(Severity.INFO, out.get(0).severity());
        assertEquals("The cfn-lint suppression of 'ES1006' on resource 'Orders' matches no"
                + " finding of slens; remove it unless cfn-lint still needs it.",
                out.get(0).message());
        assertEquals("Orders", out.get(0).logicalId());
        assertEquals("The slens suppression of 'SL1004' in the template's top-level Metadata"
                + " matches no finding; remove it.", out.get(1).message());
        assertNull(out.get(1).logicalId());
    }

    @Test
    void processingErrors_areNeverSuppressed() {
        Template template = template("""
                Metadata:
                  slens:
                    ignore:
                      - {id: SL0001, reason: Generated file.}
                      - {id: SL0003, reason: Known bug.}
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                """);
        Finding parseError = new Finding(EngineChecks.PARSE_ERROR.id(), Severity.ERROR,
                "Invalid YAML.", template.file(), SourceSpan.at(1, 1), null, List.of());

        List<Finding> out = filter.apply(template, List.of(parseError,
                finding(template, EngineChecks.RULE_FAILURE.id(), null)));

        assertEquals(List.of("SL0001", "SL0003", "SL0007", "SL0007"), ids(out));
        assertFalse(out.get(0).suppressed());
        assertFalse(out.get(1).suppressed());
    }

    private static Template template(String text) {
        return TestLoading.template("template.yaml", text);
    }

    private static Finding finding(Template template, String ruleId, String logicalId) {
        return new Finding(ruleId, Severity.WARNING, "A finding.", template.file(),
                SourceSpan.at(2, 3), logicalId, List.of());
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }

    private static RuleMetadata rule(String id, String alias) {
        return new RuleMetadata(id, "Rule" + id, "A rule", Severity.WARNING, Pillar.RELIABILITY,
                List.of(), "0.1.0", "", List.of(), List.of(alias), true);
    }
}
