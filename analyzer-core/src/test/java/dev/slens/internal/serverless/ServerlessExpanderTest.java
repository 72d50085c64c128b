package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerlessExpanderTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String yaml) {
        return ServerlessTesting.expand(folder, yaml);
    }

    private static String text(Resource resource, String... path) {
        Node node = resource.properties();
        for (String key : path) {
            node = node.asMap() != null ? node.asMap().get(key)
                    : node.asList().get(Integer.parseInt(key));
            if (node == null) {
                return null;
            }
        }
        return node.text();
    }

    @Test
    void functionGetsProviderDefaults() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: python3.12
                  logRetentionInDays: 14
                functions:
                  my-func_x:
                    handler: app.handler
                """);
        Resource function = outcome.resource("MyDashfuncUnderscorexLambdaFunction");
        assertEquals("AWS::Lambda::Function", function.type());
        assertEquals("python3.12", text(function, "Runtime"));
        assertEquals("1024", text(function, "MemorySize"));
        assertEquals("6", text(function, "Timeout"));
        assertEquals("orders-dev-my-func_x", text(function, "FunctionName"));
        assertEquals("IamRoleLambdaExecution", text(function, "Role", "Fn::GetAtt", "0"));
        assertNull(function.property("TracingConfig"));
        assertEquals(7, function.span().line());
        assertEquals("my-func_x", function.generatedFrom());

        Resource group = outcome.resource("MyDashfuncUnderscorexLogGroup");
        assertEquals("/aws/lambda/orders-dev-my-func_x", text(group, "LogGroupName"));
        assertEquals("14", text(group, "RetentionInDays"));
        assertEquals(5, group.property("RetentionInDays").span().line());
        assertTrue(outcome.has("IamRoleLambdaExecution"));
        assertTrue(outcome.has("ServerlessDeploymentBucket"));
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void functionSettingsOverrideProvider() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: nodejs20.x
                  memorySize: 256
                  tracing:
                    lambda: true
                  environment:
                    A: provider
                    B: provider
                  architecture: arm64
                functions:
                  f:
                    handler: h
                    runtime: nodejs22.x
                    timeout: 30
                    environment:
                      B: function
                    reservedConcurrency: 5
                    onError: arn:aws:sqs:us-east-1:123456789012:dlq
                """);
        Resource function = outcome.resource("FLambdaFunction");
        assertEquals("nodejs22.x", text(function, "Runtime"));
        assertEquals("256", text(function, "MemorySize"));
        assertEquals("30", text(function, "Timeout"));
        assertEquals("Active", text(function, "TracingConfig", "Mode"));
        assertEquals("provider", text(function, "Environment", "Variables", "A"));
        assertEquals("function", text(function, "Environment", "Variables", "B"));
        assertEquals("arm64", text(function, "Architectures", "0"));
        assertEquals("5", text(function, "ReservedConcurrentExecutions"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:dlq",
                text(function, "DeadLetterConfig", "TargetArn"));
    }

    @Test
    void capitalizedKeyIsReportedAndIgnored() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  Runtime: nodejs24.x
                functions:
                  f:
                    handler: h
                """);
        assertEquals(List.of("SL0011"), outcome.findingIds());
        assertEquals(4, outcome.findings().get(0).span().line());
        assertEquals("nodejs16.x", text(outcome.resource("FLambdaFunction"), "Runtime"));
    }

    @Test
    void duplicateCapitalizedKeyAdviceIsRemove() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: nodejs22.x
                  Runtime: nodejs24.x
                functions:
                  f:
                    handler: h
                """);
        String message = outcome.findings().get(0).message();

        assertEquals(List.of("SL0011"), outcome.findingIds());
        assertEquals(5, outcome.findings().get(0).span().line());
        assertTrue(message.endsWith("the value of 'provider.runtime' applies."
                + " Remove 'provider.Runtime'."), message);
        assertFalse(message.contains("Rename"), message);
        assertEquals("nodejs22.x", text(outcome.resource("FLambdaFunction"), "Runtime"));
    }

    @Test
    void capitalizedKeyAdviceIsRename() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  Runtime: nodejs24.x
                """);
        String message = outcome.findings().get(0).message();

        assertTrue(message.endsWith("the framework's default applies. Rename it to 'runtime'."),
                message);
    }

    @Test
    void eventsUseFrameworkLogicalIds() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  worker:
                    handler: h
                    events:
                      - sqs: arn:aws:sqs:us-east-1:123456789012:jobs-queue
                      - stream:
                          arn: arn:aws:dynamodb:us-east-1:123456789012:table/Orders/stream/1
                          destinations:
                            onFailure: arn:aws:sqs:us-east-1:123456789012:failed
                      - sns: order-created
                      - sns:
                          arn: arn:aws:sns:us-east-1:123456789012:existing
                          redrivePolicy:
                            deadLetterTargetArn: arn:aws:sqs:us-east-1:123456789012:dlq
                      - schedule: rate(5 minutes)
                      - s3: uploads
                      - eventBridge:
                          pattern:
                            source: [orders]
                      - cloudwatchLog: /aws/lambda/other
                """);
        assertEquals("AWS::Lambda::EventSourceMapping",
                outcome.resource("WorkerEventSourceMappingSQSJobsqueue").type());
        Resource stream = outcome.resource("WorkerEventSourceMappingDynamodbOrders");
        assertEquals("arn:aws:sqs:us-east-1:123456789012:failed",
                text(stream, "DestinationConfig", "OnFailure", "Destination"));
        assertEquals("TRIM_HORIZON", text(stream, "StartingPosition"));
        assertEquals("AWS::SNS::Topic", outcome.resource("SNSTopicOrdercreated").type());
        assertEquals("lambda", text(outcome.resource("WorkerSnsSubscriptionOrdercreated"),
                "Protocol"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:dlq",
                text(outcome.resource("WorkerSnsSubscriptionExisting"), "RedrivePolicy",
                        "deadLetterTargetArn"));
        assertEquals("sns.amazonaws.com",
                text(outcome.resource("WorkerLambdaPermissionOrdercreatedSNS"), "Principal"));
        assertEquals("rate(5 minutes)", text(outcome.resource("WorkerEventsRuleSchedule1"),
                "ScheduleExpression"));
        assertTrue(outcome.has("WorkerLambdaPermissionEventsRuleSchedule1"));
        assertTrue(outcome.has("S3BucketUploads"));
        assertTrue(outcome.has("WorkerLambdaPermissionUploadsS3"));
        // The framework numbers an eventBridge event by its place among all the events: 7th.
        assertTrue(outcome.has("Ordersdevworkerrule7EventBridgeRule"));
        assertTrue(outcome.has("WorkerEventBridgeLambdaPermission7"));
        assertTrue(outcome.has("WorkerLogsSubscriptionFilterCloudWatchLog1"));
        assertEquals(9, stream.span().line());
    }

    @Test
    void apiEventsCreateApisOnce() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  logs:
                    httpApi: true
                  apiGateway:
                    usagePlan:
                      throttle:
                        burstLimit: 20
                        rateLimit: 10
                functions:
                  api:
                    handler: h
                    events:
                      - http: GET users/{id}
                      - http:
                          path: users
                          method: post
                          cors: true
                      - httpApi: GET /items
                      - websocket: $connect
                """);
        assertEquals("AWS::ApiGateway::RestApi", outcome.resource("ApiGatewayRestApi").type());
        assertTrue(outcome.has("ApiGatewayResourceUsers"));
        assertTrue(outcome.has("ApiGatewayResourceUsersIdVar"));
        assertTrue(outcome.has("ApiGatewayMethodUsersIdVarGet"));
        assertTrue(outcome.has("ApiGatewayMethodUsersPost"));
        assertTrue(outcome.has("ApiGatewayMethodUsersOptions"));
        assertTrue(outcome.has("ApiLambdaPermissionApiGateway"));
        assertTrue(outcome.has("HttpApi"));
        assertTrue(outcome.has("HttpApiRouteGetItems"));
        assertTrue(outcome.has("HttpApiIntegrationApi"));
        assertTrue(outcome.has("HttpApiLogGroup"));
        assertTrue(outcome.has("ApiLambdaPermissionHttpApi"));
        assertTrue(outcome.has("SconnectWebsocketsRoute"));
        assertEquals("20", text(outcome.resource("ApiGatewayUsagePlan"), "Throttle",
                "BurstLimit"));
        assertEquals(1, outcome.ids().stream().filter("ApiGatewayRestApi"::equals).count());
    }

    @Test
    void roleCollectsStatementsFromBothForms() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  iam:
                    role:
                      statements:
                        - Effect: Allow
                          Action: dynamodb:GetItem
                          Resource: '*'
                  iamRoleStatements:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: '*'
                functions:
                  f:
                    handler: h
                """);
        Resource role = outcome.resource("IamRoleLambdaExecution");
        Node statements = role.properties().get("Policies").asList().get(0).asMap()
                .getMap("PolicyDocument").get("Statement");
        List<String> actions = statements.asList().items().stream()
                .map(statement -> statement.asMap().get("Action"))
                .map(action -> action.text() != null ? action.text()
                        : action.asList().get(0).text())
                .toList();
        assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents", "dynamodb:GetItem",
                "s3:GetObject"), actions);
        assertEquals(7, statements.asList().get(2).span().line());
    }

    @Test
    void customRoleReplacesGeneratedRole() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  iam:
                    role: arn:aws:iam::123456789012:role/shared
                functions:
                  f:
                    handler: h
                  g:
                    handler: h
                    role: MyRole
                """);
        assertFalse(outcome.has("IamRoleLambdaExecution"));
        assertEquals("arn:aws:iam::123456789012:role/shared",
                text(outcome.resource("FLambdaFunction"), "Role"));
        assertEquals("MyRole", text(outcome.resource("GLambdaFunction"), "Role", "Fn::GetAtt",
                "0"));
    }

    @Test
    void destinationsBecomeInvokeConfig() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                    maximumRetryAttempts: 1
                    destinations:
                      onSuccess: g
                      onFailure: arn:aws:sqs:us-east-1:123456789012:failed
                  g:
                    handler: h
                """);
        Resource config = outcome.resource("FLambdaEvConf");
        assertEquals("AWS::Lambda::EventInvokeConfig", config.type());
        assertEquals("GLambdaFunction", text(config, "DestinationConfig", "OnSuccess",
                "Destination", "Fn::GetAtt", "0"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:failed", text(config,
                "DestinationConfig", "OnFailure", "Destination"));
        assertEquals("1", text(config, "MaximumRetryAttempts"));
    }

    @Test
    void resourcesMergeAndExtend() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                resources:
                  Resources:
                    Queue:
                      Type: AWS::SQS::Queue
                  extensions:
                    FLogGroup:
                      Properties:
                        RetentionInDays: 30
                    Nothing:
                      Properties:
                        A: b
                  Outputs:
                    QueueUrl:
                      Value: !Ref Queue
                """);
        assertTrue(outcome.resource("Queue").isWritten());
        assertEquals("30", text(outcome.resource("FLogGroup"), "RetentionInDays"));
        assertEquals(List.of("SL0002"), outcome.findingIds());
        MapNode outputs = outcome.expanded().cloudFormation().getMap("Outputs");
        assertEquals("Queue", outputs.getMap("QueueUrl").getMap("Value").getText("Ref"));
    }

    @Test
    void resourcesOverride_mergesListsItemByItem() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                    architecture: arm64
                    layers: [layer-a, layer-b]
                resources:
                  Resources:
                    FLambdaFunction:
                      Properties:
                        Layers: [layer-c]
                        Environment:
                          Variables:
                            ADDED: yes
                """);
        Resource function = outcome.resource("FLambdaFunction");
        assertEquals("layer-c", text(function, "Layers", "0"));
        assertEquals("layer-b", text(function, "Layers", "1"));
        assertEquals("arm64", text(function, "Architectures", "0"));
        assertEquals("yes", text(function, "Environment", "Variables", "ADDED"));
    }

    @Test
    void extensions_replacePropertiesShallowly() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  environment:
                    FROM_PROVIDER: a
                functions:
                  f:
                    handler: h
                resources:
                  extensions:
                    FLambdaFunction:
                      DependsOn: [Queue]
                      Properties:
                        Environment:
                          Variables:
                            ONLY: b
                      Type: AWS::Lambda::Function
                """);
        MapNode variables = outcome.resource("FLambdaFunction").properties()
                .getMap("Environment").getMap("Variables");
        assertEquals(List.of("ONLY"), List.copyOf(variables.keys()));
        assertEquals(List.of("SL0002"), outcome.findingIds());
        assertTrue(outcome.findings().get(0).message().contains("sets 'Type'"),
                outcome.findings().get(0).message());
    }

    @Test
    void eventBridgeRule_isNamedAfterDeployedFunction() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  worker:
                    handler: h
                    events:
                      - http: GET /
                      - eventBridge:
                          name: my-rule
                          eventBus: orders-bus
                          pattern:
                            source: [orders]
                """);
        Resource rule = outcome.resource("Ordersdevworkerrule2EventBridgeRule");
        assertEquals("my-rule", text(rule, "Name"));
        assertEquals("my-rule-target", text(rule, "Targets", "0", "Id"));
        assertEquals("orders-bus", text(rule, "EventBusName"));
        assertTrue(outcome.has("WorkerEventBridgeLambdaPermission2"));
        assertTrue(outcome.has("OrdersDashbusEventBridgeEventBus"));
    }

    @Test
    void eventBridgeWithoutCloudFormation_isCustomResource() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  eventBridge:
                    useCloudFormation: false
                functions:
                  worker:
                    handler: h
                    events:
                      - eventBridge:
                          schedule: rate(1 hour)
                          deadLetterQueueArn: arn:aws:sqs:us-east-1:123456789012:dlq
                """);
        Resource custom = outcome.resource("WorkerCustomEventBridge1");
        assertEquals("Custom::EventBridge", custom.type());
        assertEquals("orders-dev-worker-rule-1",
                text(custom, "EventBridgeConfig", "RuleName"));
        assertEquals("rate(1 hour)", text(custom, "EventBridgeConfig", "Schedule"));
        assertFalse(outcome.has("Ordersdevworkerrule1EventBridgeRule"));
        assertFalse(outcome.has("WorkerEventBridgeLambdaPermission1"));
        assertEquals(List.of("SL0002"), outcome.findingIds());
    }

    @Test
    void eventBridgeBeforeV3_isCustomResource() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                frameworkVersion: '^2.50.0'
                provider:
                  name: aws
                functions:
                  worker:
                    handler: h
                    events:
                      - eventBridge:
                          pattern:
                            source: [orders]
                """);
        assertEquals("Custom::EventBridge", outcome.resource("WorkerCustomEventBridge1").type());
    }

    @Test
    void pluginsAddRolesAndStateMachines() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                plugins:
                  - serverless-iam-roles-per-function
                  - serverless-step-functions
                functions:
                  f:
                    handler: h
                    iamRoleStatements:
                      - Effect: Allow
                        Action: sqs:SendMessage
                        Resource: '*'
                stepFunctions:
                  stateMachines:
                    checkout:
                      definition:
                        StartAt: A
                """);
        assertTrue(outcome.has("FIamRoleLambdaExecution"));
        assertFalse(outcome.has("IamRoleLambdaExecution"));
        assertEquals("FIamRoleLambdaExecution", text(outcome.resource("FLambdaFunction"),
                "Role", "Fn::GetAtt", "0"));
        assertEquals("AWS::StepFunctions::StateMachine",
                outcome.resource("CheckoutStepFunctionsStateMachine").type());
    }

    @Test
    void pluginKeysIgnoredWithoutPlugin() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                    iamRoleStatements:
                      - Effect: Allow
                        Action: '*'
                        Resource: '*'
                """);
        assertFalse(outcome.has("FIamRoleLambdaExecution"));
        assertTrue(outcome.has("IamRoleLambdaExecution"));
    }

    @Test
    void otherProviderIsSkipped() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: google
                functions:
                  f:
                    handler: h
                """);
        assertEquals(List.of(), outcome.ids());
        assertEquals(List.of("SL0013"), outcome.findingIds());
    }
}
