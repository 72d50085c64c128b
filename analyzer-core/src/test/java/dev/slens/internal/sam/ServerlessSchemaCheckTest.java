package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SL0017 for the serverless types other than Function and for the Globals sections. Each type
 * has a pass and a fail template under {@code schema/}, and each fail template has its problem
 * on line 7.
 */
class ServerlessSchemaCheckTest {

    private static final String HEAD = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Subject:
                Type: AWS::Serverless::%s
                Properties:
            """;

    private static List<Finding> findings(String text) {
        return TestLoading.findings(TestLoading.assemble(TestLoading.parse("t.yaml", text))
                .problems(), "SL0017");
    }

    private static String template(String name) {
        try (InputStream in = ServerlessSchemaCheckTest.class.getResourceAsStream(
                "schema/" + name)) {
            assertNotNull(in, name + " is missing from the test resources");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String type, String properties) {
        return HEAD.formatted(type) + properties.indent(6);
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of("Api", "'Stage'"),
                Arguments.of("HttpApi", "a mapping"),
                Arguments.of("StateMachine", "a mapping"),
                Arguments.of("SimpleTable", "'Key'"),
                Arguments.of("LayerVersion", "a list"),
                Arguments.of("Application", "a mapping"),
                Arguments.of("Connector", "'Destinations'"),
                Arguments.of("GraphQLApi", "a mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void passTemplate_noFinding(String type, String word) {
        assertEquals(List.of(), findings(template("pass-" + type + ".yaml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void failTemplate_reportedOnLine(String type, String word) {
        List<Finding> findings = findings(template("fail-" + type + ".yaml"));
        List<Finding> onLine = findings.stream()
                .filter(finding -> finding.span().line() == 7).toList();
        assertEquals(1, onLine.size(), findings::toString);
        Finding first = onLine.get(0);
        assertEquals("Subject", first.logicalId());
        assertTrue(first.message().contains(word), first.message());
        assertTrue(first.message().contains("AWS::Serverless::" + type), first.message());
    }

    @Test
    void missingRequiredProperty_reportedOnResource() {
        List<Finding> findings = findings(resource("Connector", """
                Source:
                  Id: Worker
                Destination:
                  Id: Orders
                """));
        assertEquals(1, findings.size(), findings::toString);
        assertTrue(findings.get(0).message().contains("has no 'Permissions'"),
                findings.get(0).message());
        assertEquals(5, findings.get(0).span().line());
        assertEquals(5, findings.get(0).span().column());
    }

    @Test
    void missingProperties_reportedAtLogicalId() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Link:
                    Type: AWS::Serverless::Connector
                """);

        assertEquals(3, findings.size(), findings::toString);
        for (Finding finding : findings) {
            assertEquals(3, finding.span().line(), finding::toString);
            assertEquals(3, finding.span().column(), finding::toString);
        }
    }

    @Test
    void globalsSections_checkedAgainstTheirOwnLists() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    TracingEnabled: true
                    StageName: prod
                  HttpApi:
                    CorsConfiguration: true
                    Description: shared
                  SimpleTable:
                    SSESpecification:
                      SSEEnabled: true
                    TableName: orders
                  StateMachine:
                    PropagateTags: true
                    Tracing:
                      Enabled: true
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        assertEquals(4, findings.size(), findings::toString);
        assertEquals(List.of(5, 8, 12, 15), findings.stream()
                .map(finding -> finding.span().line()).toList());
        assertTrue(findings.get(0).message().contains("Globals.Api"), findings.get(0).message());
        assertTrue(findings.get(3).message().contains("Globals.StateMachine"),
                findings.get(3).message());
    }

    @Test
    void globalsValidSections_noFinding() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Api:
                    Cors:
                      AllowOrigin: "'*'"
                    OpenApiVersion: 3.0.1
                    AlwaysDeploy: true
                    EndpointConfiguration: PRIVATE
                  HttpApi:
                    Auth:
                      DefaultAuthorizer: Jwt
                  SimpleTable:
                    SSESpecification:
                      SSEEnabled: true
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        assertEquals(List.of(), findings);
    }

    @Test
    void globalsFunctionOnlyProperties_reportedAndNotCopied() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse("t.yaml",
                """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Timeout: 30
                    FunctionName: shared
                    Role: arn:aws:iam::123456789012:role/r
                    Policies: AWSLambdaBasicExecutionRole
                    Events:
                      Get:
                        Type: Api
                        Properties:
                          Path: /
                          Method: get
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                """));
        List<Finding> findings = TestLoading.findings(assembled.problems(), "SL0017");

        assertEquals(List.of(5, 6, 7, 8), findings.stream()
                .map(finding -> finding.span().line()).toList(), findings::toString);
        assertEquals(5, findings.get(0).span().column());
        assertTrue(findings.get(3).message().contains("'Events' of Globals.Function"),
                findings.get(3).message());
        Template template = assembled.template();
        assertNull(template.resource("ServerlessRestApi"));
        Resource function = template.resource("Worker");
        assertEquals("30", function.property("Timeout").text());
        assertNull(function.property("FunctionName"));
        assertNotNull(template.resource("WorkerRole"));
    }

    @Test
    void globalsLayerVersionAndCapacityProvider_checked() {
        List<Finding> findings = findings("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  LayerVersion:
                    PublishLambdaVersion: true
                    RetentionPolicy: Retain
                  CapacityProvider:
                    PropagateTags: true
                    CapacityProviderName: shared
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);

        assertEquals(List.of(5, 8), findings.stream()
                .map(finding -> finding.span().line()).toList(), findings::toString);
        assertTrue(findings.get(0).message().contains("Globals.LayerVersion"),
                findings.get(0).message());
        assertTrue(findings.get(1).message().contains("Globals.CapacityProvider"),
                findings.get(1).message());
    }
}
