package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.load.TestLoading;
import dev.slens.model.Template;
import org.junit.jupiter.api.Test;

/** Lambda permissions for HTTP API events, skipped where the default route covers them. */
class SamHttpApiPermissionTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
              Other:
                Type: AWS::Serverless::HttpApi
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: pass
                  Events:
                    Orders:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Path: /orders
                        Method: get
                    Catchall:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                    Books:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Other
                        Path: /books
                        Method: get
            """;

    @Test
    void defaultRoute_coversOtherRoutesOfSameApi() {
        Template template = TestLoading.template("template.yaml", TEMPLATE);

        assertNotNull(template.resource("WorkerCatchallPermission"));
        assertNull(template.resource("WorkerOrdersPermission"));
    }

    @Test
    void defaultRoute_leavesOtherApisAlone() {
        Template template = TestLoading.template("template.yaml", TEMPLATE);

        assertNotNull(template.resource("WorkerBooksPermission"));
    }

    @Test
    void routeWithoutDefaultRoute_getsPermission() {
        Template template = TestLoading.template("template.yaml",
                TEMPLATE.replace("    Catchall:", "    Catchall2:")
                        .replace("            ApiId: !Ref Api\n        Books:",
                                "            ApiId: !Ref Api\n            Path: /all\n"
                                        + "        Books:"));

        assertNotNull(template.resource("WorkerOrdersPermission"));
        assertNotNull(template.resource("WorkerCatchall2Permission"));
    }

    private static final String BODY_TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              UseWorker: !Equals [a, a]
            Resources:
              Api:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefinitionBody:
                    openapi: '3.0.1'
                    info: {title: api, version: '1.0'}
                    paths:
                      $default:
                        x-amazon-apigateway-any-method:
                          x-amazon-apigateway-integration:
                            type: aws_proxy
                            httpMethod: POST
                            payloadFormatVersion: '2.0'
                            uri: URI
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: pass
                  Events:
                    Orders:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref Api
                        Path: /orders
                        Method: get
            """;

    private static final String WORKER_URI = "!Sub 'arn:${AWS::Partition}:apigateway:"
            + "${AWS::Region}:lambda:path/2015-03-31/functions/${Worker.Arn}/invocations'";

    @Test
    void defaultRouteInDefinitionBody_coversRoutes() {
        Template template = TestLoading.template("template.yaml",
                BODY_TEMPLATE.replace("URI", WORKER_URI));

        assertNull(template.resource("WorkerOrdersPermission"));
    }

    @Test
    void defaultRouteInBodyUnderIf_coversRoutes() {
        String uri = "!If [UseWorker, " + WORKER_URI.replace("!Sub ", "{'Fn::Sub': ")
                + "}, !Ref AWS::NoValue]";
        Template template = TestLoading.template("template.yaml",
                BODY_TEMPLATE.replace("URI", uri));

        assertNull(template.resource("WorkerOrdersPermission"));
    }

    @Test
    void defaultRouteInBodyForOtherFunction_keepsPermission() {
        Template template = TestLoading.template("template.yaml",
                BODY_TEMPLATE.replace("URI", WORKER_URI.replace("Worker.Arn", "Other.Arn")));

        assertNotNull(template.resource("WorkerOrdersPermission"));
    }

    @Test
    void defaultRouteInBodyWithGetAtt_keepsPermission() {
        // The translator reads the function only from an Fn::Sub text.
        Template template = TestLoading.template("template.yaml",
                BODY_TEMPLATE.replace("URI", "!GetAtt Worker.Arn"));

        assertNotNull(template.resource("WorkerOrdersPermission"));
    }
}
