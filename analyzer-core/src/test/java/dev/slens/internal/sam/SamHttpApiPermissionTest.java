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
}
