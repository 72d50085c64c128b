package dev.slens.internal.sam;

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
 * {@code <Api><Key>} per API key, {@code <Api><Name><Type>DataSource} per data source,
 * {@code <Api><Function>} per function and {@code <Api><OperationType><Resolver>} per resolver.
 * Logging without a role adds {@code <Api>CloudWatchRole}.
 */
final class SamGraphQlExpander {

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
            for (MapNode.Entry source : entries.entries()) {
                MapNode config = source.value().asMap();
                SourceSpan at = source.keySpan();
                if (config == null) {
                    continue;
                }
                Node dynamo = type.equals("AMAZON_DYNAMODB") ? Nodes.map(at,
                        "TableName", config.get("TableName"),
                        "AwsRegion", config.has("Region") ? config.get("Region")
                                : Nodes.ref("AWS::Region", at)) : null;
                Node lambda = type.equals("AWS_LAMBDA") ? Nodes.map(at,
                        "LambdaFunctionArn", config.get("FunctionArn")) : null;
                add(id + source.key() + group.key() + "DataSource", "AWS::AppSync::DataSource",
                        Nodes.map(at, "ApiId", Nodes.getAtt(id, "ApiId", at),
                                "Name", config.has("Name") ? config.get("Name")
                                        : Nodes.text(source.key(), at),
                                "Type", Nodes.text(type, at),
                                "ServiceRoleArn", config.get("ServiceRoleArn"),
                                "DynamoDBConfig", dynamo,
                                "LambdaConfig", lambda), at);
            }
        }
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
