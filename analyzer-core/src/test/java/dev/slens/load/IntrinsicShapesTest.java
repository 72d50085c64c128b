package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntrinsicShapesTest {

    private static List<Finding> malformed(String resources) {
        String text = "AWSTemplateFormatVersion: '2010-09-09'\nConditions:\n  IsProd: !Equals"
                + " [a, b]\nResources:\n" + resources;
        return TestLoading.findings(TestLoading.assemble(TestLoading.parse("t.yaml", text))
                .problems(), "SL0014");
    }

    private static List<String> places(List<Finding> findings) {
        return findings.stream()
                .map(f -> f.span().line() + ":" + f.message().split(" ")[0])
                .toList();
    }

    @Test
    void wrongArityReportedAtLine() {
        List<Finding> findings = malformed("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !If [IsProd, a]
                      DelaySeconds: !Select [first, [1, 2]]
                      KmsMasterKeyId:
                        Fn::If: [IsProd, a, b, c]
                      RedrivePolicy: !Sub [1, 2]
                      Tags: !Join [only]
                      VisibilityTimeout: !GetAtt NoDot
                """);
        assertEquals(List.of("8:Fn::If", "9:Fn::Select", "11:Fn::If", "12:Fn::Sub",
                "13:Fn::Join", "14:Fn::GetAtt"), places(findings));
        Finding first = findings.stream().filter(f -> f.span().line() == 8).findFirst()
                .orElseThrow();
        assertTrue(first.message().contains("a list of 2 values"), first.message());
        assertEquals("t.yaml", first.file().displayPath());
    }

    @Test
    void wellFormedFunctionsPass() {
        List<Finding> findings = malformed("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !If [IsProd, a, !Ref AWS::NoValue]
                      DelaySeconds: !Select [0, [1, 2]]
                      MaximumMessageSize: !Select ["1", !Split [",", "1,2"]]
                      KmsMasterKeyId: !Sub "${AWS::Region}-key"
                      RedrivePolicy: !Sub ["${A}", {A: !GetAtt Dlq.Arn}]
                      Tags: !Join ["", [a, !Ref AWS::StackName]]
                      VisibilityTimeout: !FindInMap [Map, !Ref AWS::Region, Timeout]
                      Policy: !GetAtt [Dlq, Arn]
                """);
        assertEquals(List.of(), places(findings));
    }

    @Test
    void loopBodyNotChecked() {
        List<Finding> findings = malformed("""
                  Fn::ForEach::Queues:
                    - Index
                    - ["0", "1"]
                    - Queue${Index}:
                        Type: AWS::SQS::Queue
                        Properties:
                          DelaySeconds: !Select ["${Index}", [1, 2]]
                """);
        assertEquals(List.of(), places(findings));
    }

    @Test
    void serverlessResourcesChecked() {
        String text = """
                service: svc
                provider:
                  name: aws
                custom:
                  index: first
                resources:
                  Resources:
                    Queue:
                      Type: AWS::SQS::Queue
                      Properties:
                        DelaySeconds:
                          Fn::Select: ["${self:custom.index}", [1, 2]]
                        QueueName:
                          Fn::Select: [0, [a, b]]
                """;
        List<Finding> findings = TestLoading.findings(TestLoading.assemble(
                TestLoading.parse("serverless.yml", text)).problems(), "SL0014");
        assertEquals(List.of("12:Fn::Select"), places(findings));
    }

    @Test
    void moreFunctionsReportedAtLine() {
        List<Finding> findings = malformed("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Base64 [a, b]
                      DelaySeconds: !GetAZs [us-east-1]
                      KmsMasterKeyId: !ImportValue {Key: x}
                      RedrivePolicy:
                        Fn::Transform: {Parameters: {}}
                      Tags:
                        Fn::Transform: {Name: Macro, Parameters: [1]}
                      VisibilityTimeout: {Fn::Length: abc}
                      Policy: {Fn::ToJsonString: 5}
                      MessageRetentionPeriod: {Fn::ImportValue: null}
                """);
        assertEquals(List.of("8:Fn::Base64", "9:Fn::GetAZs", "10:Fn::ImportValue",
                "12:Fn::Transform", "14:Fn::Transform", "15:Fn::Length", "16:Fn::ToJsonString",
                "17:Fn::ImportValue"), places(findings));
        assertEquals("Fn::Length takes a list, or a function that returns a list, but here it is"
                + " the text 'abc'. CloudFormation rejects the template, and rules may not check"
                + " this value. Fix the arguments.", findings.get(5).message());
    }

    @Test
    void moreFunctionsWellFormedPass() {
        List<Finding> findings = malformed("""
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Base64 text
                      DelaySeconds: !Select [0, !GetAZs '']
                      MaximumMessageSize: !Select [0, {Fn::GetAZs: {Ref: AWS::Region}}]
                      KmsMasterKeyId: !ImportValue {Fn::Sub: "${AWS::StackName}-key"}
                      RedrivePolicy:
                        Fn::Transform: {Name: Macro, Parameters: {A: 1}}
                      Tags:
                        Fn::Transform: {Name: Macro}
                      VisibilityTimeout: {Fn::Length: [a, b]}
                      ReceiveMessageWaitTimeSeconds: {Fn::Length: {Ref: List}}
                      Policy: {Fn::ToJsonString: {a: [1]}}
                      MessageRetentionPeriod: !Base64 {Fn::Sub: x}
                """);
        assertEquals(List.of(), places(findings));
    }

    @Test
    void malformedLoopsReportedAtKey() {
        List<Finding> findings = malformed("""
                  Fn::ForEach::NoOutput:
                    - Index
                    - [a, b]
                  Fn::ForEach::ScalarCollection:
                    - Index
                    - abc
                    - Q${Index}: {Type: AWS::SQS::Queue}
                  Fn::ForEach::NotList: abc
                  Fn::ForEach::Good:
                    - Index
                    - !Ref Names
                    - Q${Index}: {Type: AWS::SQS::Queue}
                """);
        assertEquals(List.of("5:Fn::ForEach", "8:Fn::ForEach", "12:Fn::ForEach"),
                places(findings));
    }
}
