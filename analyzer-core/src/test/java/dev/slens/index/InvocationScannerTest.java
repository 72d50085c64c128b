package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvocationScannerTest {

    private static final String FUNCTIONS = """
            Resources:
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: worker-fn
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/worker
                  Code: {ZipFile: "x"}
            """;
    private static final String LAMBDA_PATH = ":lambda:path/2015-03-31/functions/";

    @Test
    void principalWithPseudoParametersIsAsync() {
        TemplateIndex index = index("""
                  LogsPermission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !Ref Worker
                      Principal: !Sub logs.${AWS::Region}.${AWS::URLSuffix}
                """);

        List<Invocation> invocations = index.invocations("Worker");

        assertEquals(1, invocations.size());
        assertEquals(Invocation.Mode.ASYNCHRONOUS, invocations.get(0).mode());
        assertEquals("logs.${AWS::Region}.${AWS::URLSuffix}", invocations.get(0).source());
    }

    @Test
    void functionArnBuiltWithPseudoParametersResolves() {
        TemplateIndex index = index("""
                  BucketPermission:
                    Type: AWS::Lambda::Permission
                    Properties:
                      Action: lambda:InvokeFunction
                      FunctionName: !Sub
                        - arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:worker-fn
                        - {}
                      Principal: s3.amazonaws.com
                """);

        assertEquals(1, index.invocations("Worker").size());
    }

    @Test
    void snsProtocolIgnoresCase() {
        TemplateIndex index = index("""
                  Subscription:
                    Type: AWS::SNS::Subscription
                    Properties:
                      Protocol: LAMBDA
                      TopicArn: arn:aws:sns:eu-west-1:123456789012:orders
                      Endpoint: !Sub
                        - arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Worker}
                        - {}
                """);

        assertEquals(Invocation.Mode.ASYNCHRONOUS, index.invocations("Worker").get(0).mode());
    }

    @Test
    void integrationUriNamesFunctionBeforeInvocationsPath() {
        TemplateIndex index = index(restMethod("!Sub arn:aws:apigateway:${AWS::Region}"
                + LAMBDA_PATH + "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}"
                + ":function:worker-fn/invocations"));

        assertEquals(1, index.apiIntegrations("Worker").size());
    }

    @Test
    void literalIntegrationUriResolves() {
        TemplateIndex index = index(restMethod("arn:aws:apigateway:eu-west-1" + LAMBDA_PATH
                + "arn:aws:lambda:eu-west-1:123456789012:function:worker-fn/invocations"));

        assertEquals(1, index.apiIntegrations("Worker").size());
    }

    @Test
    void integrationUriWithAliasResolves() {
        TemplateIndex index = index(restMethod("arn:aws:apigateway:eu-west-1" + LAMBDA_PATH
                + "arn:aws:lambda:eu-west-1:123456789012:function:worker-fn:live/invocations"));

        assertEquals(1, index.apiIntegrations("Worker").size());
    }

    private static String restMethod(String uri) {
        return """
                  GetOrders:
                    Type: AWS::ApiGateway::Method
                    Properties:
                      RestApiId: abc123
                      ResourceId: def456
                      HttpMethod: GET
                      AuthorizationType: NONE
                      Integration:
                        Type: AWS_PROXY
                        IntegrationHttpMethod: POST
                        Uri: %s
                """.formatted(uri);
    }

    private static TemplateIndex index(String moreResources) {
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parse(Path.of("template.yaml"), "template.yaml", FUNCTIONS + moreResources);
        return new TemplateIndex(TemplateAssembler.assemble(loaded.file(), loaded.root(),
                FormatDetector.detect(loaded.root())).template());
    }
}
