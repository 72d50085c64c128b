package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SAM types other than functions, and the function settings that add resources. */
class SamResourceTypesTest {

    private static final String HEADER = "Transform: AWS::Serverless-2016-10-31\n";

    @TempDir
    Path folder;

    @Test
    void apiEvent_createsImplicitRestApi() throws IOException {
        Template template = assemble(HEADER + """
                Globals:
                  Api:
                    TracingEnabled: true
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Events:
                        List:
                          Type: Api
                          Properties:
                            Path: /orders/{id}
                            Method: get
                """).template();

        assertType(template, "ServerlessRestApi", "AWS::ApiGateway::RestApi");
        assertType(template, "ServerlessRestApiDeployment", "AWS::ApiGateway::Deployment");
        Resource stage = assertType(template, "ServerlessRestApiProdStage",
                "AWS::ApiGateway::Stage");
        assertEquals("true", stage.property("TracingEnabled").text());
        assertEquals("Prod", stage.property("StageName").text());
        MapNode paths = template.resource("ServerlessRestApi").property("Body").asMap()
                .getMap("paths");
        assertNotNull(paths.getMap("/orders/{id}").getMap("get")
                .getMap("x-amazon-apigateway-integration"));
        Resource permission = assertType(template, "OrdersListPermissionProd",
                "AWS::Lambda::Permission");
        assertTrue(permission.property("SourceArn").toString().contains("GET/orders/*"),
                permission.property("SourceArn").toString());
        assertEquals(11, stage.span().line(), "the stage points at the event");
    }

    @Test
    void httpApiEvent_createsDefaultStage() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Events:
                        Any:
                          Type: HttpApi
                """).template();

        assertType(template, "ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
        Resource stage = assertType(template, "ServerlessHttpApiApiGatewayDefaultStage",
                "AWS::ApiGatewayV2::Stage");
        assertEquals("$default", stage.property("StageName").text());
        assertType(template, "OrdersAnyPermission", "AWS::Lambda::Permission");
    }

    @Test
    void explicitApi_usagePlanAndAuthorizer() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Shop:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: live
                      AccessLogSetting:
                        DestinationArn: arn:aws:logs:us-east-1:123456789012:log-group:api
                      Auth:
                        Authorizers:
                          Token:
                            FunctionArn: arn:aws:lambda:us-east-1:123456789012:function:auth
                        UsagePlan:
                          CreateUsagePlan: PER_API
                """).template();

        Resource stage = assertType(template, "ShopliveStage", "AWS::ApiGateway::Stage");
        assertNotNull(stage.property("AccessLogSetting"));
        assertType(template, "ShopTokenAuthorizerPermission", "AWS::Lambda::Permission");
        assertType(template, "ShopUsagePlan", "AWS::ApiGateway::UsagePlan");
        assertType(template, "ShopApiKey", "AWS::ApiGateway::ApiKey");
        assertType(template, "ShopUsagePlanKey", "AWS::ApiGateway::UsagePlanKey");
        assertNull(template.resource("ServerlessRestApi"));
    }

    @Test
    void localDefinitionUri_isRead() throws IOException {
        Files.writeString(folder.resolve("openapi.yaml"), """
                openapi: '3.0.1'
                paths:
                  /health:
                    get: {}
                """);
        TemplateAssembler.Assembled assembled = assemble(HEADER + """
                Resources:
                  Shop:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: live
                      DefinitionUri: openapi.yaml
                """);

        MapNode body = assembled.template().resource("Shop").property("Body").asMap();
        assertNotNull(body.getMap("paths").getMap("/health"));
        assertEquals(7, body.span().line(), "content points at the DefinitionUri line");
        assertEquals(List.of(), assembled.problems());
    }

    @Test
    void definitionUriOutsideProject_isReportedNotRead() throws IOException {
        Path project = Files.createDirectory(folder.resolve("project"));
        Files.writeString(folder.resolve("secret.yaml"), "paths: {}\n");
        TemplateAssembler.Assembled assembled = assemble(project, HEADER + """
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      DefinitionUri: ../secret.yaml
                """);

        Resource machine = assembled.template().resource("Flow");
        assertNull(machine.property("Definition"));
        assertEquals(1, assembled.problems().size(), assembled.problems().toString());
        Finding problem = assembled.problems().get(0);
        assertEquals("SL0002", problem.ruleId());
        assertTrue(problem.message().contains("leaves the project folder"), problem.message());
        assertEquals(6, problem.span().line());
    }

    @Test
    void stateMachine_roleAndScheduleEvent() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Flow:
                    Type: AWS::Serverless::StateMachine
                    Properties:
                      Tracing:
                        Enabled: true
                      Definition:
                        StartAt: Done
                        States:
                          Done: {Type: Succeed}
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)
                            DeadLetterConfig:
                              Type: SQS
                """).template();

        Resource machine = assertType(template, "Flow", "AWS::StepFunctions::StateMachine");
        assertEquals("true", machine.property("TracingConfiguration").asMap()
                .getText("Enabled"));
        assertType(template, "FlowRole", "AWS::IAM::Role");
        Resource rule = assertType(template, "FlowNightly", "AWS::Events::Rule");
        assertTrue(rule.property("Targets").toString().contains("FlowNightlyQueue"),
                rule.property("Targets").toString());
        assertType(template, "FlowNightlyRole", "AWS::IAM::Role");
        assertType(template, "FlowNightlyQueue", "AWS::SQS::Queue");
        assertType(template, "FlowNightlyQueuePolicy", "AWS::SQS::QueuePolicy");
    }

    @Test
    void simpleTableAndLayer_expand() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Table:
                    Type: AWS::Serverless::SimpleTable
                    Properties:
                      PrimaryKey: {Name: orderId, Type: Number}
                  Deps:
                    Type: AWS::Serverless::LayerVersion
                    Properties:
                      ContentUri: s3://bucket/deps.zip
                """).template();

        Resource table = assertType(template, "Table", "AWS::DynamoDB::Table");
        assertEquals("PAY_PER_REQUEST", table.property("BillingMode").text());
        assertTrue(table.property("AttributeDefinitions").toString().contains("N"));
        Resource layer = assertType(template, "Deps", "AWS::Lambda::LayerVersion");
        assertEquals("bucket", layer.property("Content").asMap().getText("S3Bucket"));
    }

    @Test
    void autoPublishAlias_eventsTargetAlias() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      AutoPublishAlias: live
                      ProvisionedConcurrencyConfig:
                        ProvisionedConcurrentExecutions: 2
                      FunctionUrlConfig:
                        AuthType: NONE
                      Events:
                        Jobs:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:us-east-1:123456789012:jobs
                """).template();

        assertType(template, "OrdersVersion", "AWS::Lambda::Version");
        Resource alias = assertType(template, "OrdersAliaslive", "AWS::Lambda::Alias");
        assertNotNull(alias.property("ProvisionedConcurrencyConfig"));
        Resource mapping = template.resource("OrdersJobs");
        assertEquals("OrdersAliaslive", mapping.property("FunctionName").asMap().getText("Ref"));
        assertType(template, "OrdersUrl", "AWS::Lambda::Url");
        assertType(template, "OrdersUrlPublicPermissions", "AWS::Lambda::Permission");
        assertTrue(template.resource("OrdersRole").property("ManagedPolicyArns").toString()
                .contains("AWSLambdaSQSQueueExecutionRole"));
    }

    @Test
    void remoteApplication_isNoted() throws IOException {
        TemplateAssembler.Assembled assembled = assemble(HEADER + """
                Resources:
                  Shared:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: https://example-bucket.s3.amazonaws.com/shared.yaml
                """);

        assertType(assembled.template(), "Shared", "AWS::CloudFormation::Stack");
        assertEquals(1, assembled.problems().size());
        assertTrue(assembled.problems().get(0).message().contains("remote location"));
    }

    @Test
    void connector_attachesPolicyToSourceRole() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Connectors:
                        ToTable:
                          Properties:
                            Destination: {Id: Table}
                            Permissions: [Read]
                  Table:
                    Type: AWS::Serverless::SimpleTable
                  Topic:
                    Type: AWS::SNS::Topic
                  TopicToOrders:
                    Type: AWS::Serverless::Connector
                    Properties:
                      Source: {Id: Topic}
                      Destination: {Id: Orders}
                      Permissions: [Write]
                """).template();

        Resource policy = assertType(template, "OrdersToTablePolicy",
                "AWS::IAM::ManagedPolicy");
        assertEquals("OrdersRole", policy.property("Roles").asList().get(0).asMap()
                .getText("Ref"));
        String document = policy.property("PolicyDocument").toString();
        assertTrue(document.contains("dynamodb:GetItem"), document);
        assertTrue(!document.contains("dynamodb:PutItem"), "Read grants no write action");
        Resource permission = assertType(template, "TopicToOrdersWriteLambdaPermission",
                "AWS::Lambda::Permission");
        assertEquals("sns.amazonaws.com", permission.property("Principal").text());
    }

    @Test
    void graphQlApi_expandsAppSyncResources() throws IOException {
        Template template = assemble(HEADER + """
                Resources:
                  Graph:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      SchemaInline: "type Query { hello: String }"
                      Auth: {Type: API_KEY}
                      Logging: {FieldLogLevel: ERROR}
                      ApiKeys:
                        Default: {}
                      DataSources:
                        DynamoDb:
                          Posts: {TableName: posts}
                      Resolvers:
                        Query:
                          hello: {Runtime: {Name: APPSYNC_JS, Version: 1.0.0}}
                """).template();

        Resource graph = assertType(template, "Graph", "AWS::AppSync::GraphQLApi");
        assertEquals("API_KEY", graph.property("AuthenticationType").text());
        assertNotNull(graph.property("LogConfig"));
        assertType(template, "GraphCloudWatchRole", "AWS::IAM::Role");
        assertType(template, "GraphSchema", "AWS::AppSync::GraphQLSchema");
        assertType(template, "GraphDefault", "AWS::AppSync::ApiKey");
        assertType(template, "GraphPostsDynamoDBDataSource", "AWS::AppSync::DataSource");
        assertType(template, "GraphPostsDynamoDBDataSourceRole", "AWS::IAM::Role");
        assertType(template, "GraphQueryhello", "AWS::AppSync::Resolver");
    }

    private static Resource assertType(Template template, String logicalId, String type) {
        Resource resource = template.resource(logicalId);
        assertNotNull(resource, () -> logicalId + " is missing; resources: "
                + template.resources().keySet());
        assertEquals(type, resource.type(), logicalId);
        return resource;
    }

    private TemplateAssembler.Assembled assemble(String text) throws IOException {
        return assemble(folder, text);
    }

    private static TemplateAssembler.Assembled assemble(Path in, String text) throws IOException {
        Path file = in.resolve("template.yaml");
        Files.writeString(file, text);
        return TemplateAssembler.assemble(TestLoading.load(file).file(),
                TestLoading.load(file).root(), TemplateFormat.SAM,
                new LocalFiles(in, LoadLimits.DEFAULT));
    }
}
