package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumberPropertiesTest {

    private static List<Finding> invalid(String text) {
        return TestLoading.findings(TestLoading.assemble(TestLoading.parse("t.yaml", text))
                .problems(), "SL0016");
    }

    @Test
    void nonNumericTimeoutsReported() {
        List<Finding> findings = invalid("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Timeout: "1e400"
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: thirty
                      DelaySeconds: 5
                      MessageRetentionPeriod: "600"
                      MaximumMessageSize: !Ref AWS::NoValue
                """);
        assertEquals(List.of(8, 12), findings.stream().map(f -> f.span().line()).toList());
        assertTrue(findings.get(0).message().contains("'1e400'"), findings.get(0).message());
        assertEquals("Worker", findings.get(0).logicalId());
        assertEquals("Queue", findings.get(1).logicalId());
    }

    @Test
    void hugeWholeNumberIsOutOfRange() {
        String digits = "1".repeat(100_000);

        List<Finding> findings = invalid("""
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      Timeout: %s
                      MemorySize: %s
                """.formatted(digits, "9".repeat(85) + ".5"));

        assertEquals(2, findings.size());
        String outOfRange = findings.get(0).message();
        assertTrue(outOfRange.contains("a whole number out of range"), outOfRange);
        assertTrue(outOfRange.contains("(100000 characters)"), outOfRange);
        assertTrue(outOfRange.length() < 400, () -> "length " + outOfRange.length());
        String decimal = findings.get(1).message();
        assertTrue(decimal.contains("which is not a whole number"), decimal);
        assertTrue(decimal.contains("(87 characters)"), decimal);
    }
}
