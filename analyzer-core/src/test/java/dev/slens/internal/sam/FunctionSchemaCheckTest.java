package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SL0017: properties of SAM functions and Globals.Function checked against their schema. */
class FunctionSchemaCheckTest {

    private static List<Finding> findings(String text) {
        return TestLoading.findings(TestLoading.assemble(TestLoading.parse("t.yaml", text))
                .problems(), "SL0017");
    }

    @Test
    void validFunction_noFinding() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Memory:
                    Type: Number
                Globals:
                  Function:
                    Timeout: 30
                    Tracing: Active
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      MemorySize: !Ref Memory
                      Timeout: '60'
                      AutoPublishAliasAllProperties: 'true'
                      Layers: !Ref AWS::NoValue
                      Environment:
                        Variables:
                          TABLE: orders
                      Events:
                        Queue:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:123456789012:q
                """);
        assertEquals(List.of(), findings);
    }

    @Test
    void unknownProperty_reportedAtKey() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Memory: 512
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(8, findings.get(0).span().line());
        assertEquals("Worker", findings.get(0).logicalId());
        assertTrue(findings.get(0).message().contains("'Memory'"), findings.get(0).message());
    }

    @Test
    void wrongKind_reportedAtValue() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Layers: arn:aws:lambda:us-east-1:123456789012:layer:l:1
                      Environment: TABLE=orders
                """);
        assertEquals(2, findings.size(), findings::toString);
        assertEquals(8, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("a list"), findings.get(0).message());
        assertEquals(9, findings.get(1).span().line());
        assertTrue(findings.get(1).message().contains("a mapping"), findings.get(1).message());
    }

    @Test
    void numberOutOfRange_leftToSettingRangeRule() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      MemorySize: 64
                      Timeout: [900]
                """);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(9, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("expects a number"),
                findings.get(0).message());
    }

    @Test
    void globals_unknownPropertyAndEventWithoutType() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeouts: 30
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Events:
                        Queue:
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:123456789012:q
                """);
        assertEquals(2, findings.size(), findings::toString);
        assertEquals(4, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("Globals.Function"),
                findings.get(0).message());
        assertEquals(12, findings.get(1).span().line());
    }

    @Test
    void policiesOfWrongKind_reportedAtValue() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Policies: 3
                  Other:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Policies:
                        - AWSLambdaBasicExecutionRole
                        - [nested]
                        - SQSPollerPolicy:
                            QueueName: orders
                  Named:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Policies: AWSLambdaBasicExecutionRole
                """);
        assertEquals(2, findings.size(), findings::toString);
        assertEquals(8, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("'Policies'")
                && findings.get(0).message().contains("a list of them"),
                findings.get(0).message());
        assertEquals(16, findings.get(1).span().line());
        assertTrue(findings.get(1).message().contains("Policies[1]"), findings.get(1).message());
    }

    @Test
    void timeoutOfWrongKind_reportedOnce() {
        List<Finding> problems = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      Timeout: yes
                      MemorySize: 1e400
                """)).problems();

        List<Finding> schema = TestLoading.findings(problems, "SL0017");
        assertEquals(1, schema.size(), schema::toString);
        assertEquals(8, schema.get(0).span().line());
        assertTrue(schema.get(0).message().contains("AWS::Serverless::Function"),
                schema.get(0).message());
        List<Finding> numbers = TestLoading.findings(problems, "SL0016");
        assertEquals(1, numbers.size(), numbers::toString);
        assertEquals(9, numbers.get(0).span().line());
    }
}
