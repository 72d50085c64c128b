package dev.slens.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.index.TemplateIndex;
import dev.slens.load.TestLoading;
import dev.slens.model.SourceSpan;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleContextTest {

    private static final RuleMetadata RULE = new RuleMetadata("SL9999", "Test", "Test rule",
            Severity.WARNING, Pillar.RELIABILITY, List.of(), "0.1", "", List.of(), List.of(),
            true);

    private final RuleContext context = new RuleContext(RULE, new TemplateIndex(
            TestLoading.template("t.yaml", """
                    Conditions:
                      IsProd: !Equals [a, b]
                    Resources:
                      Jobs:
                        Type: AWS::SQS::Queue
                        Condition: IsProd
                      Other:
                        Type: AWS::SQS::Queue
                      Synthesized:
                        Type: AWS::SQS::Queue
                        Metadata:
                          aws:cdk:path: OrdersStack/Jobs/Resource
                    """)), LocalDate.of(2026, 1, 1));

    @Test
    void conditionalResource_messageNamesCondition() {
        Finding finding = context.finding(SourceSpan.at(4, 3), "Jobs", "Queue 'Jobs' is bad.");

        assertEquals("Queue 'Jobs' is bad. Resource 'Jobs' exists only when condition 'IsProd'"
                + " is true.", finding.message());
    }

    @Test
    void conditionAlreadyNamed_messageUnchanged() {
        String message = "Queue 'Jobs' is bad (when condition 'IsProd' is true).";

        assertEquals(message, context.finding(SourceSpan.at(4, 3), "Jobs", message).message());
    }

    @Test
    void unconditionalResource_messageUnchanged() {
        assertEquals("Fine.", context.finding(SourceSpan.at(7, 3), "Other", "Fine.").message());
    }

    @Test
    void cdkResource_messageNamesConstructPath() {
        Finding finding = context.finding(SourceSpan.at(9, 3), "Synthesized", "Bad.");

        assertEquals("Bad. CDK construct: 'OrdersStack/Jobs/Resource'.", finding.message());
    }
}
