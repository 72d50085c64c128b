package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** References such as {@code MyFunction.Alias} resolve to the resources SAM generates. */
class SamReferablePropertiesTest {

    @TempDir
    Path folder;

    private MapNode uses;

    @BeforeEach
    void expand() throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      AutoPublishAlias: live
                      EventInvokeConfig:
                        DestinationConfig:
                          OnSuccess:
                            Type: SQS
                          OnFailure:
                            Type: SNS
                  Plain:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                  Orders:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: beta
                  Books:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      StageName: v1
                  Uses:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Alias: !Ref Worker.Alias
                      Version: !Ref Worker.Version
                      Topic: !Ref Worker.DestinationTopic
                      Queue: !GetAtt Worker.DestinationQueue.Arn
                      QueueList: !GetAtt [Worker.DestinationQueue, QueueName]
                      QueueString: {'Fn::GetAtt': Worker.DestinationQueue.Arn}
                      Stage: !Ref Orders.Stage
                      Deployment: !Ref Orders.Deployment
                      HttpStage: !Ref Books.Stage
                      Sub: !Sub '${Worker.Alias}/${Orders.Stage}'
                      SubAttribute: !Sub '${Worker.DestinationQueue.Arn}/${!Worker.Alias}'
                      SubList: !Sub ['${Books.Stage}-${Suffix}', {Suffix: !Ref Worker.Version}]
                      NoAlias: !Ref Plain.Alias
                      Unknown: !Ref Orders.Nothing
                """);
        Template template = TemplateAssembler.assemble(TestLoading.load(file).file(),
                TestLoading.load(file).root(), TemplateFormat.SAM,
                new LocalFiles(folder, LoadLimits.DEFAULT)).template();
        uses = template.resource("Uses").properties();
    }

    @Test
    void ref_functionAliasAndVersion() {
        assertEquals("WorkerAliaslive", uses.getMap("Alias").getText("Ref"));
        assertEquals("WorkerVersion", uses.getMap("Version").getText("Ref"));
    }

    @Test
    void ref_destinationTopic() {
        assertEquals("WorkerEventInvokeConfigOnFailureTopic",
                uses.getMap("Topic").getText("Ref"));
    }

    @Test
    void getAtt_destinationQueueListForms() {
        assertEquals("WorkerEventInvokeConfigOnSuccessQueue",
                uses.getMap("Queue").get("Fn::GetAtt").asList().get(0).text());
        assertEquals("Arn", uses.getMap("Queue").get("Fn::GetAtt").asList().get(1).text());
        assertEquals("Worker.DestinationQueue.Arn",
                uses.getMap("QueueString").getText("Fn::GetAtt"),
                "the translator leaves the one-string form as written");
        assertEquals("WorkerEventInvokeConfigOnSuccessQueue",
                uses.getMap("QueueList").get("Fn::GetAtt").asList().get(0).text());
        assertEquals("QueueName",
                uses.getMap("QueueList").get("Fn::GetAtt").asList().get(1).text());
    }

    @Test
    void ref_apiStageAndDeployment() {
        assertEquals("OrdersbetaStage", uses.getMap("Stage").getText("Ref"));
        assertEquals("OrdersDeployment", uses.getMap("Deployment").getText("Ref"));
    }

    @Test
    void ref_httpApiStage() {
        assertEquals("Booksv1Stage", uses.getMap("HttpStage").getText("Ref"));
    }

    @Test
    void sub_variablesResolvedAndEscapeKept() {
        assertEquals("${WorkerAliaslive}/${OrdersbetaStage}",
                uses.getMap("Sub").getText("Fn::Sub"));
        assertEquals("${WorkerEventInvokeConfigOnSuccessQueue.Arn}/${!Worker.Alias}",
                uses.getMap("SubAttribute").getText("Fn::Sub"));
    }

    @Test
    void sub_listFormResolvesStringAndValues() {
        var parts = uses.getMap("SubList").get("Fn::Sub").asList();
        assertEquals("${Booksv1Stage}-${Suffix}", parts.get(0).text());
        assertEquals("WorkerVersion", parts.get(1).asMap().getMap("Suffix").getText("Ref"));
    }

    @Test
    void ref_propertyWithoutGeneratedResourceKept() {
        assertEquals("Plain.Alias", uses.getMap("NoAlias").getText("Ref"));
        assertEquals("Orders.Nothing", uses.getMap("Unknown").getText("Ref"));
    }
}
