package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function settings newer than the first expander: advanced logging, SnapStart, loops. */
class ServerlessFunctionSettingsTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String yaml) {
        return ServerlessTesting.expand(folder, yaml);
    }

    private static Node node(Resource resource, String... path) {
        Node node = resource.properties();
        for (String key : path) {
            node = node == null || node.asMap() == null ? null : node.asMap().get(key);
        }
        return node;
    }

    private static String text(Resource resource, String... path) {
        Node node = node(resource, path);
        return node == null ? null : node.text();
    }

    @Test
    void functionLogsOverrideProviderLogsKeyByKey() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: nodejs22.x
                  logs:
                    lambda:
                      logFormat: JSON
                      systemLogLevel: WARN
                functions:
                  create:
                    handler: create.handler
                    logs:
                      applicationLogLevel: DEBUG
                      systemLogLevel: INFO
                  update:
                    handler: update.handler
                """);
        Resource create = outcome.resource("CreateLambdaFunction");
        assertEquals("JSON", text(create, "LoggingConfig", "LogFormat"));
        assertEquals("DEBUG", text(create, "LoggingConfig", "ApplicationLogLevel"));
        assertEquals("INFO", text(create, "LoggingConfig", "SystemLogLevel"));
        assertEquals(14, node(create, "LoggingConfig", "SystemLogLevel").span().line());
        assertEquals(7, node(create, "LoggingConfig", "LogFormat").span().line());
        Resource update = outcome.resource("UpdateLambdaFunction");
        assertEquals("WARN", text(update, "LoggingConfig", "SystemLogLevel"));
        assertNull(text(update, "LoggingConfig", "ApplicationLogLevel"));
        assertTrue(outcome.has("UpdateLogGroup"));
    }

    @Test
    void namedLogGroupReplacesTheGeneratedOne() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: nodejs22.x
                functions:
                  create:
                    handler: create.handler
                    logs:
                      logGroup: /shared/orders
                  update:
                    handler: update.handler
                """);
        Resource create = outcome.resource("CreateLambdaFunction");
        assertEquals("/shared/orders", text(create, "LoggingConfig", "LogGroup"));
        assertFalse(outcome.has("CreateLogGroup"));
        assertTrue(outcome.has("UpdateLogGroup"));
        assertNull(node(outcome.resource("UpdateLambdaFunction"), "LoggingConfig"));
    }

    @Test
    void snapStartAndRecursiveLoopBecomeFunctionProperties() {
        ServerlessTesting.Outcome outcome = expand("""
                service: billing
                provider:
                  name: aws
                  runtime: java21
                functions:
                  invoice:
                    handler: billing.Invoice::handleRequest
                    snapStart: true
                    recursiveLoop: allow
                  receipt:
                    handler: billing.Receipt::handleRequest
                    snapStart: false
                    recursiveLoop: TERMINATE
                """);
        Resource invoice = outcome.resource("InvoiceLambdaFunction");
        assertEquals("PublishedVersions", text(invoice, "SnapStart", "ApplyOn"));
        assertEquals(8, invoice.properties().entry("SnapStart").keySpan().line());
        assertEquals("Allow", text(invoice, "RecursiveLoop"));
        assertEquals(9, node(invoice, "RecursiveLoop").span().line());
        Resource receipt = outcome.resource("ReceiptLambdaFunction");
        assertNull(node(receipt, "SnapStart"));
        assertEquals("Terminate", text(receipt, "RecursiveLoop"));
        assertEquals(List.of(), outcome.findings());
    }

    @Test
    void httpAuthorizersSetMethodAuthorization() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                functions:
                  auth:
                    handler: auth.handler
                  list:
                    handler: list.handler
                    events:
                      - http: GET open
                      - http:
                          path: iam
                          method: get
                          authorizer: aws_iam
                      - http:
                          path: typed
                          method: get
                          authorizer:
                            type: AWS_IAM
                      - http:
                          path: custom
                          method: get
                          authorizer: auth
                      - http:
                          path: pool
                          method: get
                          authorizer:
                            arn: arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x
                      - http:
                          path: existing
                          method: get
                          authorizer:
                            type: CUSTOM
                            authorizerId: abc123
                """);
        Resource open = outcome.resource("ApiGatewayMethodOpenGet");
        assertEquals("NONE", text(open, "AuthorizationType"));
        assertNull(node(open, "AuthorizerId"));
        for (String id : List.of("ApiGatewayMethodIamGet", "ApiGatewayMethodTypedGet")) {
            assertEquals("AWS_IAM", text(outcome.resource(id), "AuthorizationType"), id);
            assertNull(node(outcome.resource(id), "AuthorizerId"), id);
        }
        Resource custom = outcome.resource("ApiGatewayMethodCustomGet");
        assertEquals("CUSTOM", text(custom, "AuthorizationType"));
        assertEquals("AuthApiGatewayAuthorizer", text(custom, "AuthorizerId", "Ref"));
        assertEquals("TOKEN", text(outcome.resource("AuthApiGatewayAuthorizer"), "Type"));
        Resource pool = outcome.resource("ApiGatewayMethodPoolGet");
        assertEquals("COGNITO_USER_POOLS", text(pool, "AuthorizationType"));
        String poolAuthorizer = text(pool, "AuthorizerId", "Ref");
        assertEquals("COGNITO_USER_POOLS", text(outcome.resource(poolAuthorizer), "Type"));
        Resource existing = outcome.resource("ApiGatewayMethodExistingGet");
        assertEquals("CUSTOM", text(existing, "AuthorizationType"));
        assertEquals("abc123", text(existing, "AuthorizerId"));
    }

    @Test
    void extensionsMergeMetadataAndAppendDependsOn() {
        Path file = ServerlessTesting.write(folder, "serverless.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                functions:
                  hello:
                    handler: hello.handler
                resources:
                  Resources:
                    HelloLogGroup:
                      DependsOn: [KeyA]
                      Metadata:
                        owner: team-a
                        tier: gold
                    KeyA:
                      Type: AWS::KMS::Key
                  extensions:
                    HelloLogGroup:
                      DependsOn: [KeyB]
                      Metadata:
                        tier: silver
                    HelloLambdaFunction:
                      Metadata:
                        slens:
                          ignore:
                            - id: SL1004
                              reason: traced by the caller
                      DeletionPolicy: Retain
                """);
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, "serverless.yml");
        Template template = TemplateAssembler.assembleServerless(loaded.file(), loaded.root(),
                ServerlessOptions.DEFAULT, LoadLimits.DEFAULT).template();
        MapNode group = template.resourceDefinitions().getMap("HelloLogGroup");
        List<String> dependsOn = group.get("DependsOn").asList().items().stream()
                .map(Node::text).toList();
        assertEquals(List.of("KeyA", "KeyB"), dependsOn);
        assertEquals("team-a", group.getMap("Metadata").getText("owner"));
        assertEquals("silver", group.getMap("Metadata").getText("tier"));
        MapNode function = template.resourceDefinitions().getMap("HelloLambdaFunction");
        assertEquals("Retain", function.getText("DeletionPolicy"));
        assertEquals("hello", template.resource("HelloLambdaFunction").generatedFrom());
        assertNull(template.resourceDefinitions().getMap("HelloLambdaFunction").get("Type"));
    }
}
