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

class CheckovCommentsTest {

    private static final RuleMetadata ASYNC = new RuleMetadata("SL1001", "Async", "A rule",
            Severity.WARNING, Pillar.RELIABILITY, List.of(), "0.1.0", "", List.of(),
            List.of("ES1007", "CKV_AWS_116"), true);
    private static final RuleMetadata TRACING = new RuleMetadata("SL1004", "Tracing", "A rule",
            Severity.WARNING, Pillar.OPERATIONAL_EXCELLENCE, List.of(), "0.1.0", "", List.of(),
            List.of("CKV_AWS_50"), true);

    private final SuppressionFilter filter = new SuppressionFilter(Map.of("SL1001", ASYNC,
            "SL1004", TRACING));

    @Test
    void commentInsideResource_suppressesWithReason() {
        Template template = TestLoading.template("template.yaml", """
                Resources:
                  Orders:
                    # checkov:skip=CKV_AWS_116:Failures are retried by the caller
                    Type: AWS::Lambda::Function
                  Reports:
                    Type: AWS::Lambda::Function
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1001", "Orders"),
                finding(template, "SL1001", "Reports")));

        Suppression suppression = out.get(0).suppression();
        assertEquals(Suppression.Kind.IN_SOURCE, suppression.kind());
        assertEquals("Failures are retried by the caller", suppression.justification());
        assertEquals(new SourceSpan(3, 5, 3, 66), suppression.span());
        assertFalse(out.get(1).suppressed(), out.toString());
        assertEquals(2, out.size(), out.toString());
    }

    @Test
    void commentAboveResource_appliesToThatResourceOnly() {
        Template template = TestLoading.template("template.yaml", """
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function

                  # checkov:skip=CKV_AWS_50
                  Reports:
                    Type: AWS::Lambda::Function
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1004", "Orders"),
                finding(template, "SL1004", "Reports")));

        assertFalse(out.get(0).suppressed(), out.toString());
        assertTrue(out.get(1).suppressed(), out.toString());
        assertNull(out.get(1).suppression().justification());
    }

    @Test
    void trailingCommentAndList_coverSeveralIds() {
        Template template = TestLoading.template("template.yaml", """
                Resources:
                  Orders:
                    Type: AWS::Lambda::Function
                    Properties:
                      Timeout: 3 # checkov:skip=CKV_AWS_116,CKV_AWS_50:Both accepted
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1001", "Orders"),
                finding(template, "SL1004", "Orders")));

        assertTrue(out.stream().allMatch(Finding::suppressed), out.toString());
        assertEquals("Both accepted", out.get(1).suppression().justification());
    }

    @Test
    void unusedCheckovSkip_isReportedForKnownAliasOnly() {
        Template template = TestLoading.template("template.yaml", """
                Resources:
                  Orders:
                    # checkov:skip=CKV_AWS_116:No longer needed
                    # checkov:skip=CKV_AWS_999:Another check of checkov
                    Type: AWS::Lambda::Function
                """);

        List<Finding> out = filter.apply(template, List.of());

        assertEquals(1, out.size(), out.toString());
        assertEquals(EngineChecks.UNUSED_SUPPRESSION.id(), out.get(0).ruleId());
        assertEquals("The checkov suppression of 'CKV_AWS_116' on resource 'Orders' matches no"
                + " finding of slens; remove it unless checkov still needs it.",
                out.get(0).message());
    }

    @Test
    void jsonTemplate_hasNoComments() {
        Template template = TestLoading.template("template.json", """
                {"Resources": {"Orders": {"Type": "AWS::Lambda::Function",
                  "Description": " # checkov:skip=CKV_AWS_116:in a string"}}}
                """);

        List<Finding> out = filter.apply(template, List.of(finding(template, "SL1001", "Orders")));

        assertFalse(out.get(0).suppressed(), out.toString());
    }

    private static Finding finding(Template template, String ruleId, String logicalId) {
        return new Finding(ruleId, Severity.WARNING, "A finding.", template.file(),
                SourceSpan.at(2, 3), logicalId, List.of());
    }
}
