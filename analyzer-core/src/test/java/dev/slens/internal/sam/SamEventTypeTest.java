package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamEventTypeTest {

    private static List<Finding> unknownTypes(String text) {
        return TestLoading.findings(TestLoading.assemble(TestLoading.parse("t.yaml", text))
                .problems(), "SL0015");
    }

    @Test
    void unknownFunctionEventReported() {
        List<Finding> findings = unknownTypes("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Events:
                        Queue:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:123456789012:q
                        Broken:
                          Type: Nope
                """);
        assertEquals(1, findings.size(), () -> findings.toString());
        Finding finding = findings.get(0);
        assertEquals(14, finding.span().line());
        assertEquals("Worker", finding.logicalId());
        assertTrue(finding.message().contains("Type 'Nope'"), finding.message());
    }

    @Test
    void unknownStateMachineEventReported() {
        List<Finding> findings = unknownTypes("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Definition: {StartAt: A, States: {A: {Type: Pass, End: true}}}
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                        Queue:
                          Type: SQS
                """);
        assertEquals(1, findings.size(), () -> findings.toString());
        assertEquals(13, findings.get(0).span().line());
        assertEquals("Flow", findings.get(0).logicalId());
    }
}
