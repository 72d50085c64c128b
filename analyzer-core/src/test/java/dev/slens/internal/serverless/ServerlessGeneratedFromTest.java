package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every resource the expander generates names what it was generated from, so that rules give
 * serverless.yml advice for it; only the resources the user wrote under {@code resources:}
 * count as written.
 */
class ServerlessGeneratedFromTest {

    /** A service that makes the expander generate every kind of resource it supports. */
    private static final String RICH_SERVICE = """
            service: shop
            plugins:
              - serverless-step-functions
              - serverless-iam-roles-per-function
            provider:
              name: aws
              runtime: python3.13
              logRetentionInDays: 14
              apiGateway:
                apiKeys:
                  - shop-key
                usagePlan:
                  throttle:
                    burstLimit: 20
                    rateLimit: 10
              logs:
                restApi: true
                httpApi: true
                websocket: true
              iam:
                role:
                  statements:
                    - Effect: Allow
                      Action: dynamodb:GetItem
                      Resource: '*'
            layers:
              shared:
                path: layer
                compatibleRuntimes: [python3.13]
            functions:
              api:
                handler: api.handler
                url: true
                provisionedConcurrency: 1
                destinations:
                  onFailure: arn:aws:sqs:us-east-1:123456789012:failed
                events:
                  - http:
                      path: orders/{id}
                      method: get
                      cors: true
                      private: true
                  - httpApi: GET /items
                  - websocket: $connect
                  - alb:
                      listenerArn: arn:aws:elasticloadbalancing:us-east-1:1:listener/app/s/a/b
                      priority: 1
                      conditions:
                        path: /alb
              worker:
                handler: worker.handler
                iamRoleStatements:
                  - Effect: Allow
                    Action: sqs:SendMessage
                    Resource: '*'
                events:
                  - sqs: arn:aws:sqs:us-east-1:123456789012:jobs
                  - stream: arn:aws:kinesis:us-east-1:123456789012:stream/clicks
                  - sns: alerts
                  - s3: uploads-bucket
                  - schedule: rate(5 minutes)
                  - eventBridge:
                      pattern:
                        source: [shop.orders]
                  - cloudwatchLog: /aws/lambda/other
            stepFunctions:
              stateMachines:
                checkout:
                  definition:
                    StartAt: Done
                    States:
                      Done:
                        Type: Succeed
            resources:
              Resources:
                OrdersTable:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                ApiGatewayRestApi:
                  Properties:
                    Description: merged into the generated API
            """;

    @TempDir
    Path folder;

    @Test
    void everyGeneratedResourceNamesItsSource() {
        Path file = ServerlessTesting.write(folder, "serverless.yml", RICH_SERVICE);
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, "serverless.yml");
        Template template = TemplateAssembler.assembleServerless(loaded.file(), loaded.root(),
                ServerlessOptions.DEFAULT, LoadLimits.DEFAULT).template();
        List<String> missing = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (Resource resource : template.resources().values()) {
            types.add(resource.type());
            if (resource.logicalId().equals("OrdersTable")) {
                assertNull(resource.generatedFrom());
                assertEquals(TemplateFormat.CLOUDFORMATION,
                        template.sourceFormat(resource.logicalId()));
            } else if (resource.generatedFrom() == null || template.sourceFormat(
                    resource.logicalId()) != TemplateFormat.SERVERLESS_FRAMEWORK) {
                missing.add(resource.logicalId());
            }
        }
        assertEquals(List.of(), missing, "generated resources without generatedFrom");
        for (String type : Set.of("AWS::ApiGateway::Deployment", "AWS::ApiGateway::RestApi",
                "AWS::ApiGateway::Method", "AWS::ApiGateway::Resource", "AWS::Lambda::Permission",
                "AWS::Logs::LogGroup", "AWS::IAM::Role", "AWS::ApiGatewayV2::Stage",
                "AWS::ApiGateway::UsagePlan", "AWS::ApiGateway::ApiKey",
                "AWS::Lambda::LayerVersion", "AWS::StepFunctions::StateMachine",
                "AWS::Lambda::EventSourceMapping", "AWS::ElasticLoadBalancingV2::TargetGroup",
                "AWS::S3::Bucket", "AWS::Events::Rule", "AWS::SNS::Subscription")) {
            assertTrue(types.contains(type), () -> "rich service generates no " + type);
        }
    }

    @Test
    void serviceWideAndOwnResourcesDiffer() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, RICH_SERVICE);
        assertEquals(Resource.SERVICE, outcome.resource("IamRoleLambdaExecution").generatedFrom());
        assertEquals(Resource.SERVICE, outcome.resource("ApiGatewayRestApi").generatedFrom());
        assertEquals(Resource.SERVICE,
                outcome.resource("ServerlessDeploymentBucket").generatedFrom());
        assertEquals("worker", outcome.resource("WorkerIamRoleLambdaExecution").generatedFrom());
        assertEquals("shared", outcome.resource("SharedLambdaLayer").generatedFrom());
        assertEquals("checkout",
                outcome.resource("CheckoutStepFunctionsStateMachine").generatedFrom());
        assertEquals("api", outcome.resource("ApiLambdaFunction").generatedFrom());
    }
}
