package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.ListNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS managed policy names in {@code Policies}, turned into ARNs as the SAM translator does. */
class ManagedPolicyNamesTest {

    private static final String PREFIX = "arn:aws:iam::aws:policy/";

    @TempDir
    Path folder;

    @Test
    void arn_rootPath() {
        assertEquals(PREFIX + "AmazonS3ReadOnlyAccess",
                ManagedPolicyNames.arn("AmazonS3ReadOnlyAccess"));
    }

    @Test
    void arn_serviceRolePath() {
        assertEquals(PREFIX + "service-role/AWSLambdaSQSQueueExecutionRole",
                ManagedPolicyNames.arn("AWSLambdaSQSQueueExecutionRole"));
    }

    @Test
    void arn_awsServiceRolePath() {
        assertEquals(PREFIX + "aws-service-role/AWSLambdaReplicator",
                ManagedPolicyNames.arn("AWSLambdaReplicator"));
    }

    @Test
    void arn_jobFunctionPath() {
        assertEquals(PREFIX + "job-function/ViewOnlyAccess",
                ManagedPolicyNames.arn("ViewOnlyAccess"));
    }

    @Test
    void arn_firstAndLastNamesOfTable() {
        assertEquals(PREFIX + "aws-service-role/APIGatewayServiceRolePolicy",
                ManagedPolicyNames.arn("APIGatewayServiceRolePolicy"));
        assertEquals(PREFIX + "WorkLinkServiceRolePolicy",
                ManagedPolicyNames.arn("WorkLinkServiceRolePolicy"));
    }

    @Test
    void arn_unknownAndWrongCaseNamesAreNull() {
        assertNull(ManagedPolicyNames.arn("MyCompanyPolicy"));
        assertNull(ManagedPolicyNames.arn("amazons3readonlyaccess"));
    }

    @Test
    void role_namesInListAndIfBranchesBecomeArns() throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  Prod: !Equals [!Ref AWS::AccountId, '123456789012']
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Policies:
                        - AmazonSQSFullAccess
                        - MyCompanyPolicy
                        - arn:aws:iam::123456789012:policy/Custom
                        - !If [Prod, ReadOnlyAccess, !Ref AWS::NoValue]
                        - AWSLambdaBasicExecutionRole
                """);
        Template template = TemplateAssembler.assemble(TestLoading.load(file).file(),
                TestLoading.load(file).root(), TemplateFormat.SAM,
                new LocalFiles(folder, LoadLimits.DEFAULT)).template();

        ListNode arns = template.resource("WorkerRole").property("ManagedPolicyArns").asList();
        assertEquals(5, arns.size(), arns.toString());
        assertEquals(PREFIX + "service-role/AWSLambdaBasicExecutionRole", arns.get(0).text());
        assertEquals(PREFIX + "AmazonSQSFullAccess", arns.get(1).text());
        assertEquals("MyCompanyPolicy", arns.get(2).text());
        assertEquals("arn:aws:iam::123456789012:policy/Custom", arns.get(3).text());
        Node branches = arns.get(4).asMap().get("Fn::If");
        assertEquals(PREFIX + "ReadOnlyAccess", branches.asList().get(1).text());
        assertEquals("AWS::NoValue", branches.asList().get(2).asMap().getText("Ref"));
    }
}
