package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.load.TestLoading;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Logical IDs and types of the resources that AWS::Serverless::GraphQLApi expands into, as the
 * SAM translator's own expected outputs name them (aws/serverless-application-model,
 * tests/translator/output/graphqlapi_*.json).
 */
class SamGraphQlExpanderTest {

    private static Map<String, String> types(String resources) {
        Template template = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                """ + resources.indent(2))).template();
        Map<String, String> types = new TreeMap<>();
        template.resources().forEach((id, resource) -> types.put(id, resource.type()));
        return types;
    }

    @Test
    void dataSourcesFunctionsResolvers_translatorIds() {
        Map<String, String> types = types("""
                Catalog:
                  Type: AWS::Serverless::GraphQLApi
                  Properties:
                    SchemaInline: "type Query { book: String }"
                    Auth: {Type: AWS_IAM}
                    Logging: true
                    DataSources:
                      DynamoDb:
                        Books: {TableName: books, ServiceRoleArn: book-role}
                      Lambda:
                        Authors: {FunctionArn: author-arn, ServiceRoleArn: author-role}
                    Functions:
                      FindBook: {DataSource: Books, Runtime: {Name: APPSYNC_JS}}
                    Resolvers:
                      Query:
                        bookResolver: {FieldName: book, Pipeline: [FindBook]}
                    ApiKeys:
                      Reader: {}
                """);
        Map<String, String> expected = new TreeMap<>(Map.of(
                "Catalog", "AWS::AppSync::GraphQLApi",
                "CatalogCloudWatchRole", "AWS::IAM::Role",
                "CatalogSchema", "AWS::AppSync::GraphQLSchema",
                "CatalogBooksDynamoDBDataSource", "AWS::AppSync::DataSource",
                "CatalogAuthorsLambdaDataSource", "AWS::AppSync::DataSource",
                "CatalogFindBook", "AWS::AppSync::FunctionConfiguration",
                "CatalogQuerybookResolver", "AWS::AppSync::Resolver",
                "CatalogReader", "AWS::AppSync::ApiKey"));
        assertEquals(expected, types);
    }

    @Test
    void dynamoDbSourceWithoutRole_roleAndConnectorPolicy() {
        Map<String, String> types = types("""
                Catalog:
                  Type: AWS::Serverless::GraphQLApi
                  Properties:
                    SchemaInline: "type Query { book: String }"
                    Auth: {Type: AWS_IAM}
                    DataSources:
                      DynamoDb:
                        Books: {TableName: books, TableArn: books-arn}
                        Prices: {TableName: prices, TableArn: prices-arn, Permissions: [Read]}
                """);
        assertEquals("AWS::IAM::Role", types.get("CatalogBooksDynamoDBDataSourceRole"));
        assertEquals("AWS::IAM::ManagedPolicy",
                types.get("CatalogBooksDynamoDBDataSourceToTableConnectorPolicy"));
        assertEquals("AWS::IAM::ManagedPolicy",
                types.get("CatalogPricesDynamoDBDataSourceToTableConnectorPolicy"));
        assertNull(types.get("CatalogCloudWatchRole"));
    }

    @Test
    void readOnlyPermissions_oneStatement() {
        Template template = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Catalog:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      Auth: {Type: AWS_IAM}
                      DataSources:
                        DynamoDb:
                          Prices: {TableName: prices, TableArn: prices-arn, Permissions: [Read]}
                """)).template();
        Resource policy = template.resource(
                "CatalogPricesDynamoDBDataSourceToTableConnectorPolicy");
        Resource source = template.resource("CatalogPricesDynamoDBDataSource");
        assertEquals(1, policy.property("PolicyDocument").asMap().get("Statement").asList()
                .size());
        assertEquals("CatalogPricesDynamoDBDataSourceRole",
                source.property("ServiceRoleArn").asMap().get("Fn::GetAtt").asList().get(0)
                        .text());
    }

    @Test
    void lambdaSourceWithoutRole_invokePolicy() {
        // Expected values from the translator's graphqlapi_lambda_datasource_connector output.
        Template template = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Catalog:
                    Type: AWS::Serverless::GraphQLApi
                    Properties:
                      Auth: {Type: AWS_IAM}
                      DataSources:
                        Lambda:
                          Authors: {FunctionArn: author-arn}
                """)).template();
        Resource policy = template.resource(
                "CatalogAuthorsLambdaDataSourceToLambdaConnectorPolicy");
        assertNotNull(policy, "connector policy of the Lambda data source");
        assertEquals("AWS::IAM::ManagedPolicy", policy.type());

        ListNode statements = policy.property("PolicyDocument").asMap().get("Statement").asList();
        assertEquals(1, statements.size());
        MapNode statement = statements.items().get(0).asMap();
        assertEquals(List.of("lambda:InvokeAsync", "lambda:InvokeFunction"),
                texts(statement.get("Action").asList()));
        ListNode resources = statement.get("Resource").asList();
        assertEquals("author-arn", resources.items().get(0).text());
        ListNode sub = resources.items().get(1).asMap().get("Fn::Sub").asList();
        assertEquals("${DestinationArn}:*", sub.items().get(0).text());
        assertEquals("author-arn", sub.items().get(1).asMap().get("DestinationArn").text());
        assertEquals("CatalogAuthorsLambdaDataSourceRole",
                policy.property("Roles").asList().items().get(0).asMap().get("Ref").text());
    }

    @Test
    void lambdaSourceWithRole_noInvokePolicy() {
        Map<String, String> types = types("""
                Catalog:
                  Type: AWS::Serverless::GraphQLApi
                  Properties:
                    Auth: {Type: AWS_IAM}
                    DataSources:
                      Lambda:
                        Authors: {FunctionArn: author-arn, ServiceRoleArn: author-role}
                """);
        assertNull(types.get("CatalogAuthorsLambdaDataSourceRole"));
        assertNull(types.get("CatalogAuthorsLambdaDataSourceToLambdaConnectorPolicy"));
    }

    private static List<String> texts(ListNode list) {
        return list.items().stream().map(Node::text).toList();
    }
}
