package dev.slens.internal.sam;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTemplateExpanderTest {

    private static final String HEADER = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              SecretScope:
                Type: String
                Default: '*'
            Conditions:
              IsProd: !Equals [prod, prod]
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Policies:
            """;

    @Test
    void templateBecomesStatementsAtItsName() {
        Template template = assemble("""
                        - DynamoDBCrudPolicy:
                            TableName: !Ref Table
                """).template();
        MapNode statement = statements(template, 0).get(0).asMap();

        assertStartsAt(17, 11, statement.span());
        assertEquals("Allow", statement.getText("Effect"));
        List<Node> actions = statement.get("Action").asList().items();
        assertTrue(actions.stream().anyMatch(a -> "dynamodb:PutItem".equals(a.text())));
        assertEquals(2, statement.get("Resource").asList().size());
    }

    @Test
    void parameterKeepsUserNode() {
        Template template = assemble("""
                        - DynamoDBCrudPolicy:
                            TableName: !Ref Table
                """).template();
        MapNode statement = statements(template, 0).get(0).asMap();
        ListNode sub = statement.get("Resource").asList().get(0).asMap().get("Fn::Sub").asList();

        assertEquals("arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}"
                + ":table/${TableName}", sub.get(0).text());
        Node table = sub.get(1).asMap().get("TableName");
        assertEquals("Table", table.asMap().getText("Ref"));
        assertStartsAt(18, 24, table.span());
    }

    @Test
    void parameterDefaultStar_evaluatesToWildcard() {
        Template template = assemble("""
                        - AWSSecretsManagerGetSecretValuePolicy:
                            SecretArn: !Ref SecretScope
                """).template();
        Node resource = statements(template, 0).get(0).asMap().get("Resource");

        List<Alternative> values = new Evaluator(template).elements(resource);
        assertEquals(1, values.size());
        assertEquals("*", values.get(0).value().exactText());
    }

    @Test
    void conditionTakesParameter() {
        Template template = assemble("""
                        - AWSSecretsManagerRotationPolicy:
                            FunctionName: rotator
                """).template();
        MapNode condition = statements(template, 0).get(0).asMap().getMap("Condition")
                .getMap("StringEquals");
        Node arn = condition.get("secretsmanager:resource/AllowRotationLambdaArn");

        String text = new Evaluator(template).alternatives(arn).get(0).value().exactText();
        assertNull(text, "pseudo parameters keep the ARN inexact");
        assertEquals("rotator", arn.asMap().get("Fn::Sub").asList().get(1).asMap()
                .getText("FunctionName"));
    }

    @Test
    void templateInIf_expandsBothBranches() {
        Template template = assemble("""
                        - !If
                          - IsProd
                          - S3ReadPolicy:
                              BucketName: prod-reports
                          - SQSPollerPolicy:
                              QueueName: jobs
                """).template();
        Node document = inlinePolicy(template, 0).get("PolicyDocument");
        List<Alternative> branches = new Evaluator(template).alternatives(document);

        assertEquals(2, branches.size());
        for (Alternative branch : branches) {
            MapNode body = assertInstanceOf(Value.Structure.class, branch.value()).node().asMap();
            assertEquals(1, body.get("Statement").asList().size());
        }
        List<Node> managed = template.resource("WorkerRole").properties().get("ManagedPolicyArns")
                .asList().items();
        assertEquals(1, managed.size(), "only the basic execution policy: " + managed);
    }

    @Test
    void ifWithNameAndTemplate_feedsBothLists() {
        Template template = assemble("""
                        - !If
                          - IsProd
                          - AmazonS3ReadOnlyAccess
                          - SQSPollerPolicy:
                              QueueName: jobs
                """).template();
        Node inline = inlinePolicy(template, 0).get("PolicyDocument");
        List<Node> managed = template.resource("WorkerRole").properties().get("ManagedPolicyArns")
                .asList().items();

        assertEquals("Fn::If", inline.intrinsicName());
        assertEquals("AmazonS3ReadOnlyAccess",
                inline.asMap().get("Fn::If").asList().get(1).text());
        assertEquals("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
                managed.get(managed.size() - 1).asMap().get("Fn::If").asList().get(1).text());
    }

    @Test
    void unknownName_isReported() {
        TemplateAssembler.Assembled assembled = assemble("""
                        - DynamoDBEverythingPolicy:
                            TableName: orders
                """);
        List<Finding> problems = TestLoading.findings(assembled.problems(), "SL0002");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains(
                "unknown SAM policy template 'DynamoDBEverythingPolicy'"));
        assertStartsAt(17, 11, problems.get(0).span());
        assertNull(assembled.template().resource("WorkerRole").property("Policies"));
    }

    @Test
    void missingParameter_isReported() {
        TemplateAssembler.Assembled assembled = assemble("""
                        - DynamoDBStreamReadPolicy:
                            TableName: orders
                """);
        List<Finding> problems = TestLoading.findings(assembled.problems(), "SL0002");

        assertEquals(1, problems.size());
        assertTrue(problems.get(0).message().contains("missing parameter 'StreamName'"));
        assertStartsAt(17, 11, problems.get(0).span());
        assertNull(assembled.template().resource("WorkerRole").property("Policies"));
    }

    @Test
    void templateWithoutParameters_acceptsEmptyMap() {
        Template template = assemble("""
                        - CloudWatchPutMetricPolicy: {}
                """).template();
        MapNode statement = statements(template, 0).get(0).asMap();

        assertEquals("*", statement.get("Resource").asList().get(0).text());
    }

    private static TemplateAssembler.Assembled assemble(String policies) {
        return TestLoading.assemble(TestLoading.parse("template.yaml", HEADER + policies));
    }

    private static MapNode inlinePolicy(Template template, int index) {
        return template.resource("WorkerRole").property("Policies").asList().get(index).asMap();
    }

    private static List<Node> statements(Template template, int index) {
        return inlinePolicy(template, index).getMap("PolicyDocument").get("Statement").asList()
                .items();
    }
}
