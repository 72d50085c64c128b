package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands an {@code AWS::Serverless::GraphQLApi} into the AppSync resources the translator
 * generates, with the logical IDs of the SAM developer guide: the API, {@code <Api>Schema},
 * {@code <Api><Key>} per API key, {@code <Api><Name>DynamoDBDataSource} or
 * {@code <Api><Name>LambdaDataSource} per data source (with {@code <DataSource>Role} and its
 * connector policy when it names no role), {@code <Api><Function>} per function and
 * {@code <Api><OperationType><Resolver>} per resolver.
 * Logging without a role adds {@code <Api>CloudWatchRole}.
 */
final class SamGraphQlExpander {

    private static final List<String> TABLE_READ = List.of("dynamodb:GetItem",
            "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem",
            "dynamodb:ConditionCheckItem", "dynamodb:PartiQLSelect");
    private static final List<String> TABLE_WRITE = List.of("dynamodb:PutItem",
            "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate");

    private final Resource api;
    private final MapNode properties;
    private final List<Resource> out = new ArrayList<>();

    SamGraphQlExpander(Resource api) {
        this.api = api;
        this.properties = api.properties();
    }

    List<Resource> expand() {
        String id = api.logicalId();
        SourceSpan at = api.span();
        MapNode auth = properties.getMap("Auth");
        out.add(new Resource(id, "AWS::AppSync::GraphQLApi", Nodes.map(properties.span(),
                "Name", properties.has("Name") ? properties.get("Name") : Nodes.text(id, at),
                "AuthenticationType", auth == null ? null : auth.get("Type"),
                "XrayEnabled", properties.get("XrayEnabled"),
                "LogConfig", logConfig(id, at),
                "Tags", SamOtherResources.tagList(properties.get("Tags"))), at,
                api.condition(), null));
        add(id + "Schema", "AWS::AppSync::GraphQLSchema", Nodes.map(at,
                "ApiId", Nodes.getAtt(id, "ApiId", at),
                "Definition", properties.get("SchemaInline"),
                "DefinitionS3Location", properties.get("SchemaUri")), at);
        each("ApiKeys", (name, key, keyAt) -> add(id + name, "AWS::AppSync::ApiKey",
                Nodes.map(keyAt, "ApiId", Nodes.getAtt(id, "ApiId", keyAt),
                        "Description", key.get("Description"),
                        "Expires", key.get("ExpiresOn")), keyAt));
        dataSources(id);
        each("Functions", (name, function, functionAt) -> add(id + name,
                "AWS::AppSync::FunctionConfiguration", Nodes.map(functionAt,
                        "ApiId", Nodes.getAtt(id, "ApiId", functionAt),
                        "Name", function.has("Name") ? function.get("Name")
                                : Nodes.text(name, functionAt),
                        "Runtime", function.get("Runtime"),
                        "Code", function.get("InlineCode"),
                        "CodeS3Location", function.get("CodeUri")), functionAt));
        resolvers(id);
        return out;
    }

    /** Returns the LogConfig of {@code Logging}, adding the log role when none is given. */
    private Node logConfig(String id, SourceSpan at) {
        Node logging = properties.get("Logging");
        if (logging == null || "false".equalsIgnoreCase(logging.text())) {
            return null;
        }
        MapNode settings = logging.asMap();
        Node role = settings == null ? null : settings.get("CloudWatchLogsRoleArn");
        if (role == null) {
            add(id + "CloudWatchRole", "AWS::IAM::Role", Nodes.map(at,
                    "AssumeRolePolicyDocument", SamRoleBuilder.trust("appsync.amazonaws.com", at),
                    "ManagedPolicyArns", Nodes.list(at, List.of(Nodes.text("arn:aws:iam::aws:"
                            + "policy/service-role/AWSAppSyncPushToCloudWatchLogs", at)))), at);
            role = Nodes.getAtt(id + "CloudWatchRole", "Arn", at);
        }
        return Nodes.map(at,
                "CloudWatchLogsRoleArn", role,
                "FieldLogLevel", settings == null || !settings.has("FieldLogLevel")
                        ? Nodes.text("ALL", at) : settings.get("FieldLogLevel"),
                "ExcludeVerboseContent", settings == null ? null
                        : settings.get("ExcludeVerboseContent"));
    }

    private void dataSources(String id) {
        MapNode sources = properties.getMap("DataSources");
        if (sources == null) {
            return;
        }
        for (MapNode.Entry group : sources.entries()) {
            MapNode entries = group.value().asMap();
            String type = group.key().equals("DynamoDb") ? "AMAZON_DYNAMODB"
                    : group.key().equals("Lambda") ? "AWS_LAMBDA" : null;
            if (entries == null || type == null) {
                continue;
            }
            // The translator spells the DynamoDb group DynamoDB in the logical ID.
            String suffix = type.equals("AMAZON_DYNAMODB") ? "DynamoDBDataSource"
                    : "LambdaDataSource";
            for (MapNode.Entry source : entries.entries()) {
                MapNode config = source.value().asMap();
                SourceSpan at = source.keySpan();
                if (config == null) {
                    continue;
                }
                String sourceId = id + source.key() + suffix;
                Node dynamo = type.equals("AMAZON_DYNAMODB") ? Nodes.map(at,
                        "TableName", config.get("TableName"),
                        "AwsRegion", config.has("Region") ? config.get("Region")
                                : Nodes.ref("AWS::Region", at)) : null;
                Node lambda = type.equals("AWS_LAMBDA") ? Nodes.map(at,
                        "LambdaFunctionArn", config.get("FunctionArn")) : null;
                Node role = config.get("ServiceRoleArn");
                if (role == null) {
                    role = dataSourceRole(sourceId, type, config, at);
                }
                add(sourceId, "AWS::AppSync::DataSource",
                        Nodes.map(at, "ApiId", Nodes.getAtt(id, "ApiId", at),
                                "Name", config.has("Name") ? config.get("Name")
                                        : Nodes.text(source.key(), at),
                                "Type", Nodes.text(type, at),
                                "ServiceRoleArn", role,
                                "DynamoDBConfig", dynamo,
                                "LambdaConfig", lambda), at);
            }
        }
    }

    /**
     * Adds the role that SAM creates for a data source without {@code ServiceRoleArn},
     * {@code <DataSource>Role}, and the connector policy SAM attaches to it: for a DynamoDB
     * source {@code <DataSource>ToTableConnectorPolicy}, which grants the {@code Permissions}
     * (Read and Write unless listed) on {@code TableArn} and its indexes, and for a Lambda source
     * {@code <DataSource>ToLambdaConnectorPolicy}, which lets AppSync invoke {@code FunctionArn}
     * and its versions and aliases. Returns the role's ARN.
     */
    private Node dataSourceRole(String sourceId, String type, MapNode config, SourceSpan at) {
        String roleId = sourceId + "Role";
        add(roleId, "AWS::IAM::Role", Nodes.map(at,
                "AssumeRolePolicyDocument", SamRoleBuilder.trust("appsync.amazonaws.com", at)),
                at);
        Node table = config.get("TableArn");
        if (type.equals("AMAZON_DYNAMODB") && table != null) {
            List<Node> statements = new ArrayList<>();
            if (grants(config, "Read")) {
                statements.add(tableStatement(TABLE_READ, table, at));
            }
            if (grants(config, "Write")) {
                statements.add(tableStatement(TABLE_WRITE, table, at));
            }
            add(sourceId + "ToTableConnectorPolicy", "AWS::IAM::ManagedPolicy", Nodes.map(at,
                    "PolicyDocument", Nodes.map(at,
                            "Version", Nodes.text("2012-10-17", at),
                            "Statement", Nodes.list(at, statements)),
                    "Roles", Nodes.list(at, List.of(Nodes.ref(roleId, at)))), at);
        }
        Node function = config.get("FunctionArn");
        if (type.equals("AWS_LAMBDA") && function != null) {
            add(sourceId + "ToLambdaConnectorPolicy", "AWS::IAM::ManagedPolicy", Nodes.map(at,
                    "PolicyDocument", Nodes.map(at,
                            "Version", Nodes.text("2012-10-17", at),
                            "Statement", Nodes.list(at, List.of(invokeStatement(function, at)))),
                    "Roles", Nodes.list(at, List.of(Nodes.ref(roleId, at)))), at);
        }
        return Nodes.getAtt(roleId, "Arn", at);
    }

    /**
     * Returns the statement of SAM's AppSync-data-source-to-function connector profile: invoke
     * rights on the function ARN and on {@code <arn>:*}, which covers its versions and aliases.
     */
    private static Node invokeStatement(Node function, SourceSpan at) {
        Node qualified = Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(
                Nodes.text("${DestinationArn}:*", at),
                Nodes.map(at, "DestinationArn", function))));
        return Nodes.map(at,
                "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, List.of(Nodes.text("lambda:InvokeAsync", at),
                        Nodes.text("lambda:InvokeFunction", at))),
                "Resource", Nodes.list(at, List.of(function, qualified)));
    }

    /** Returns whether the data source's {@code Permissions} include {@code level}. */
    private static boolean grants(MapNode config, String level) {
        ListNode permissions = config.get("Permissions") == null ? null
                : config.get("Permissions").asList();
        if (permissions == null) {
            return true;
        }
        return permissions.items().stream().anyMatch(item -> level.equals(item.text()));
    }

    private static Node tableStatement(List<String> actions, Node table, SourceSpan at) {
        List<Node> actionNodes = actions.stream().map(action -> (Node) Nodes.text(action, at))
                .toList();
        Node indexes = Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(
                Nodes.text("${DestinationArn}/index/*", at),
                Nodes.map(at, "DestinationArn", table))));
        return Nodes.map(at,
                "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, actionNodes),
                "Resource", Nodes.list(at, List.of(table, indexes)));
    }

    private void resolvers(String id) {
        MapNode operations = properties.getMap("Resolvers");
        if (operations == null) {
            return;
        }
        for (MapNode.Entry operation : operations.entries()) {
            MapNode fields = operation.value().asMap();
            for (MapNode.Entry field : fields == null ? List.<MapNode.Entry>of()
                    : fields.entries()) {
                MapNode resolver = field.value().asMap();
                SourceSpan at = field.keySpan();
                add(id + operation.key() + field.key(), "AWS::AppSync::Resolver", Nodes.map(at,
                        "ApiId", Nodes.getAtt(id, "ApiId", at),
                        "TypeName", Nodes.text(operation.key(), at),
                        "FieldName", resolver != null && resolver.has("FieldName")
                                ? resolver.get("FieldName") : Nodes.text(field.key(), at),
                        "Kind", Nodes.text("PIPELINE", at),
                        "Runtime", resolver == null ? null : resolver.get("Runtime"),
                        "Code", resolver == null ? null : resolver.get("InlineCode"),
                        "CachingConfig", resolver == null ? null : resolver.get("Caching"),
                        "MaxBatchSize", resolver == null ? null : resolver.get("MaxBatchSize")),
                        at);
            }
        }
    }

    /** Visits each entry of the map property {@code key} that is itself a map. */
    private void each(String key, EntryVisitor visitor) {
        MapNode map = properties.getMap(key);
        if (map == null) {
            return;
        }
        for (MapNode.Entry entry : map.entries()) {
            MapNode value = entry.value().asMap();
            visitor.visit(entry.key(), value == null ? Nodes.map(entry.keySpan()) : value,
                    entry.keySpan());
        }
    }

    private interface EntryVisitor {
        void visit(String name, MapNode value, SourceSpan at);
    }

    private void add(String logicalId, String type, MapNode resourceProperties, SourceSpan at) {
        out.add(new Resource(logicalId, type, resourceProperties, at, api.condition(),
                api.logicalId()));
    }
}
