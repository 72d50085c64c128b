package dev.slens.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.load.TestLoading;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueVariantsTest {

    private static final Template TEMPLATE = TestLoading.template("t.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Parameters:
              Size:
                Type: String
                AllowedValues: [small, medium, large]
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  QueueName: !Ref Size
            """);

    private static Finding finding(String ruleId, String message, int line) {
        return new Finding(ruleId, Severity.WARNING, message, TEMPLATE.file(),
                SourceSpan.at(line, 18), "Queue", List.of());
    }

    private static String sized(String value, String source) {
        return "Queue 'Queue' is named '" + value + "' (through parameter 'Size' " + source
                + "), which is short.";
    }

    @Test
    void threeValuesMergeIntoOne() {
        List<Finding> merged = ValueVariants.merge(List.of(
                finding("SL9999", sized("small", "default"), 10),
                finding("SL9999", sized("medium", "allowed value"), 10),
                finding("SL9999", sized("large", "allowed value"), 10)), TEMPLATE);

        assertEquals(1, merged.size());
        assertEquals("Queue 'Queue' is named 'small', 'medium' or 'large' (through parameter"
                + " 'Size'), which is short.", merged.get(0).message());
        Finding.Related parameter = merged.get(0).related().get(0);
        assertEquals("Parameter 'Size' allows 'small', 'medium' and 'large'", parameter.message());
        assertEquals(3, parameter.span().line());
    }

    @Test
    void otherRuleOrLineOrTextStaysSeparate() {
        List<Finding> findings = List.of(
                finding("SL9999", sized("small", "default"), 10),
                finding("SL9998", sized("medium", "allowed value"), 10),
                finding("SL9999", sized("large", "allowed value"), 9),
                finding("SL9999", "Queue 'Queue' is named 'medium', which is long.", 10),
                finding("SL9999", "Queue 'Queue' is named 'small' in 'us-east-1'.", 10),
                finding("SL9999", "Queue 'Queue' is named 'large' in 'eu-west-1'.", 10));

        assertEquals(findings, ValueVariants.merge(findings, TEMPLATE));
    }

    @Test
    void identicalFindingsAreKept() {
        List<Finding> findings = List.of(finding("SL9999", sized("small", "default"), 10),
                finding("SL9999", sized("small", "default"), 10));

        assertEquals(findings, ValueVariants.merge(findings, TEMPLATE));
    }
}
