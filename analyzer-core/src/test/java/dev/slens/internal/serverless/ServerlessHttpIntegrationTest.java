package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The integration types an {@code http} event's {@code integration} setting selects. */
class ServerlessHttpIntegrationTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String events) {
        return ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                functions:
                  api:
                    handler: h
                    events:
                """ + events.indent(6));
    }

    private static MapNode integration(ServerlessTesting.Outcome outcome, String method) {
        return outcome.resource(method).properties().getMap("Integration");
    }

    @Test
    void httpProxyCallsRequestUri() {
        ServerlessTesting.Outcome outcome = expand("""
                - http:
                    path: legacy/{proxy+}
                    method: any
                    integration: http-proxy
                    request:
                      uri: https://legacy.example.com/{proxy}
                """);
        MapNode integration = integration(outcome, "ApiGatewayMethodLegacyProxyVarAny");
        assertEquals("HTTP_PROXY", integration.getText("Type"));
        assertEquals("ANY", integration.getText("IntegrationHttpMethod"));
        assertEquals("https://legacy.example.com/{proxy}", integration.getText("Uri"));
        assertEquals(13, integration.get("Uri").span().line());
        assertEquals(8, outcome.resource("ApiGatewayMethodLegacyProxyVarAny").span().line());
        assertTrue(outcome.has("ApiLambdaPermissionApiGateway"));
    }

    @Test
    void httpUsesRequestMethodAndVpcLink() {
        ServerlessTesting.Outcome outcome = expand("""
                - http:
                    path: orders
                    method: get
                    integration: HTTP
                    connectionType: vpc-link
                    connectionId: abc123
                    request:
                      uri: http://internal.example.com/orders
                      method: post
                """);
        MapNode integration = integration(outcome, "ApiGatewayMethodOrdersGet");
        assertEquals("HTTP", integration.getText("Type"));
        assertEquals("POST", integration.getText("IntegrationHttpMethod"));
        assertEquals("VPC_LINK", integration.getText("ConnectionType"));
        assertEquals("abc123", integration.getText("ConnectionId"));
    }

    @Test
    void mockHasNothingToCall() {
        ServerlessTesting.Outcome outcome = expand("""
                - http:
                    path: health
                    method: get
                    integration: mock
                """);
        MapNode integration = integration(outcome, "ApiGatewayMethodHealthGet");
        assertEquals("MOCK", integration.getText("Type"));
        assertNull(integration.get("Uri"));
        assertEquals("POST", integration.getText("IntegrationHttpMethod"));
    }

    @Test
    void lambdaAndAwsAreNonProxy() {
        ServerlessTesting.Outcome outcome = expand("""
                - http:
                    path: orders
                    method: post
                    integration: lambda
                - http:
                    path: orders
                    method: put
                    integration: aws
                - http:
                    path: orders
                    method: delete
                    async: true
                - http: GET orders
                """);
        for (String method : new String[] {"ApiGatewayMethodOrdersPost",
            "ApiGatewayMethodOrdersPut", "ApiGatewayMethodOrdersDelete"}) {
            MapNode integration = integration(outcome, method);
            assertEquals("AWS", integration.getText("Type"));
            assertEquals("POST", integration.getText("IntegrationHttpMethod"));
            assertNotNull(integration.get("Uri").asMap());
        }
        assertEquals("AWS_PROXY",
                integration(outcome, "ApiGatewayMethodOrdersGet").getText("Type"));
        Resource permission = outcome.resource("ApiLambdaPermissionApiGateway");
        assertEquals("apigateway.amazonaws.com", permission.properties().getText("Principal"));
    }
}
