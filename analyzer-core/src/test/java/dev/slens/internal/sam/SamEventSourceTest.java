package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SL0017 on a polled SAM event that does not name the source SAM requires. */
class SamEventSourceTest {

    private static TemplateAssembler.Assembled assemble(String events) {
        return TestLoading.assemble(TestLoading.parse("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: .
                      Events:
                """ + events));
    }

    @Test
    void sqsWithoutQueueIsReported() {
        TemplateAssembler.Assembled assembled = assemble("""
                        Jobs:
                          Type: SQS
                        Changes:
                          Type: DynamoDB
                          Properties:
                            StartingPosition: LATEST
                """);

        List<Finding> findings = TestLoading.findings(assembled.problems(), "SL0017");
        assertEquals(2, findings.size(), assembled.problems().toString());
        assertEquals(List.of(10, 12), findings.stream().map(f -> f.span().line()).toList());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertEquals("Worker", findings.get(0).logicalId());
        assertTrue(findings.get(0).message().startsWith("Event 'Jobs' of function 'Worker' has"
                + " Type 'SQS' but no 'Queue' property"), findings.get(0).message());
        assertTrue(findings.get(1).message().contains("no 'Stream' property"),
                findings.get(1).message());
        assertFalse(assembled.template().resources().containsKey("WorkerJobs"));
    }

    @Test
    void sqsWithQueueIsNotReported() {
        TemplateAssembler.Assembled assembled = assemble("""
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:123456789012:jobs
                """);

        assertEquals(List.of(), TestLoading.findings(assembled.problems(), "SL0017"));
        assertTrue(assembled.template().resources().containsKey("WorkerJobs"));
    }
}
