package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Expands an {@code AWS::Serverless::Api} or {@code AWS::Serverless::HttpApi}, or the implicit
 * {@code ServerlessRestApi} and {@code ServerlessHttpApi} that events create, into the API, its
 * deployment and stage, and the permissions, usage plan and domain its settings ask for.
 *
 * <p>The translator appends to a REST deployment's logical ID a hash of the API definition.
 * slens cannot rebuild that definition byte for byte, so it names the deployment
 * {@code <Api>Deployment} without the hash.
 */
final class SamApiExpander {

    /** The logical ID of the REST API that {@code Api} events without RestApiId create. */
    static final String IMPLICIT_REST = "ServerlessRestApi";
    /** The logical ID of the HTTP API that {@code HttpApi} events without ApiId create. */
    static final String IMPLICIT_HTTP = "ServerlessHttpApi";

    private static final List<String> REST_PASSED = List.of("Name", "Description",
            "BinaryMediaTypes", "MinimumCompressionSize", "Mode", "ApiKeySourceType",
            "DisableExecuteApiEndpoint", "FailOnWarnings", "Tags");
    private static final List<String> REST_STAGE_PASSED = List.of("TracingEnabled",
            "MethodSettings", "AccessLogSetting", "CacheClusterEnabled", "CacheClusterSize",
            "Variables", "CanarySetting");
    private static final List<String> HTTP_STAGE_PASSED = List.of("AccessLogSettings",
            "DefaultRouteSettings", "RouteSettings", "StageVariables");

    private final SamContext context;
    private final List<Resource> out;
    private final SamApiExtras extras;

    SamApiExpander(SamContext context, List<Resource> out) {
        this.context = context;
        this.out = out;
        this.extras = new SamApiExtras(context, out);
    }

    /** Expands an API the user wrote, merged with its Globals section. */
    void explicit(Resource api, boolean http) {
        MapNode properties = context.withGlobals(http ? "HttpApi" : "Api", api.properties());
        expand(api.logicalId(), properties, api.span(), api.condition(), http,
                context.routes(api.logicalId(), http));
    }

    /** Expands the implicit API when events use it and no resource has its logical ID. */
    void implicit(boolean http) {
        String id = http ? IMPLICIT_HTTP : IMPLICIT_REST;
        List<ApiRoute> routes = context.routes(null, http);
        if (routes.isEmpty() || context.written(id) != null) {
            return;
        }
        SourceSpan at = routes.get(0).span();
        MapNode properties = context.withGlobals(http ? "HttpApi" : "Api", http ? Nodes.map(at)
                : Nodes.map(at, "StageName", Nodes.text("Prod", at)));
        expand(id, properties, at, null, http, routes);
    }

    private void expand(String id, MapNode properties, SourceSpan at, String condition,
            boolean http, List<ApiRoute> routes) {
        MapNode api = http ? httpApi(id, properties, at, routes) : restApi(id, properties, at,
                routes);
        add(id, http ? "AWS::ApiGatewayV2::Api" : "AWS::ApiGateway::RestApi", api, at,
                condition, id);
        String stageId = http ? httpStage(id, properties, at, condition)
                : restStage(id, properties, at, condition);
        extras.authorizerPermissions(id, properties, http, condition);
        extras.usagePlan(id, stageId, properties, condition);
        extras.domain(id, stageId, properties, http, condition);
    }

    private MapNode restApi(String id, MapNode properties, SourceSpan at, List<ApiRoute> routes) {
        List<MapNode.Entry> entries = passed(properties, REST_PASSED);
        definition(id, properties, at, routes, false, entries);
        Node endpoint = properties.get("EndpointConfiguration");
        if (endpoint != null) {
            Node types = endpoint.text() != null
                    ? Nodes.map(endpoint.span(), "Types", Nodes.list(endpoint.span(),
                            List.of(endpoint)))
                    : endpoint;
            entries.add(new MapNode.Entry("EndpointConfiguration", endpoint.span(), types));
        }
        return new MapNode(entries, at);
    }

    private MapNode httpApi(String id, MapNode properties, SourceSpan at, List<ApiRoute> routes) {
        List<MapNode.Entry> entries = passed(properties,
                List.of("FailOnWarnings", "DisableExecuteApiEndpoint"));
        definition(id, properties, at, routes, true, entries);
        return new MapNode(entries, at);
    }

    /**
     * Adds the API's definition: the inline {@code DefinitionBody}, the local file that an
     * {@code AWS::Include} transform in {@code DefinitionBody} names, the local file or S3
     * object in {@code DefinitionUri}, or the document generated from the routes.
     */
    private void definition(String id, MapNode properties, SourceSpan at, List<ApiRoute> routes,
            boolean http, List<MapNode.Entry> entries) {
        MapNode.Entry body = properties.entry("DefinitionBody");
        MapNode.Entry uri = properties.entry("DefinitionUri");
        Node included = body == null ? null : includeLocation(body.value());
        if (included != null) {
            MapNode document = extras.localDocument(id, "DefinitionBody", included,
                    body.keySpan());
            if (document != null) {
                entries.add(new MapNode.Entry("Body", body.keySpan(),
                        DefaultAuthorization.apply(document, properties.getMap("Auth"))));
            }
        } else if (body != null) {
            entries.add(new MapNode.Entry("Body", body.keySpan(),
                    DefaultAuthorization.apply(body.value(), properties.getMap("Auth"))));
        } else if (uri != null && LocalFiles.isLocal(uri.value())
                && !uri.value().text().startsWith("s3:")) {
            MapNode document = extras.localDocument(id, uri);
            if (document != null) {
                entries.add(new MapNode.Entry("Body", uri.keySpan(), document));
            }
        } else if (uri != null) {
            entries.add(new MapNode.Entry("BodyS3Location", uri.keySpan(),
                    S3Locations.location(uri.value(), "Bucket", "Key", "Version")));
        } else {
            entries.add(new MapNode.Entry("Body", at,
                    ApiDefinitions.generated(routes, properties, http, at)));
        }
    }

    /**
     * Returns the {@code Location} of {@code Fn::Transform: {Name: AWS::Include, Parameters:
     * {Location: ...}}} when it is a local path, else null.
     */
    private static Node includeLocation(Node body) {
        MapNode transform = body.asMap() == null ? null : body.asMap().getMap("Fn::Transform");
        if (transform == null || !"AWS::Include".equals(transform.getText("Name"))) {
            return null;
        }
        MapNode parameters = transform.getMap("Parameters");
        Node location = parameters == null ? null : parameters.get("Location");
        return LocalFiles.isLocal(location) && !location.text().startsWith("s3:")
                ? location : null;
    }

    /** Adds the deployment and stage of a REST API and returns the stage's logical ID. */
    private String restStage(String id, MapNode properties, SourceSpan at, String condition) {
        String deployment = id + "Deployment";
        add(deployment, "AWS::ApiGateway::Deployment", Nodes.map(at,
                "RestApiId", Nodes.ref(id, at),
                "Description", Nodes.text("RestApi deployment", at),
                "StageName", Nodes.text("Stage", at)), at, condition, id);

        Node stageName = properties.get("StageName");
        String literal = context.literal(stageName);
        String stageId = id + (stageName != null && stageName.text() != null
                ? literal.replaceAll("[^A-Za-z0-9]", "") : "") + "Stage";
        List<MapNode.Entry> entries = passed(properties, REST_STAGE_PASSED);
        entries.add(0, new MapNode.Entry("DeploymentId", at, Nodes.ref(deployment, at)));
        entries.add(1, new MapNode.Entry("RestApiId", at, Nodes.ref(id, at)));
        entries.add(2, new MapNode.Entry("StageName", at, stageName));
        add(stageId, "AWS::ApiGateway::Stage", new MapNode(entries, at), at, condition, id);
        return stageId;
    }

    /** Adds the stage of an HTTP API, {@code $default} unless StageName is set. */
    private String httpStage(String id, MapNode properties, SourceSpan at, String condition) {
        Node stageName = properties.get("StageName");
        String literal = context.literal(stageName);
        String stageId = stageName == null ? id + "ApiGatewayDefaultStage"
                : id + (literal == null ? "" : literal.replaceAll("[^A-Za-z0-9]", "")) + "Stage";
        List<MapNode.Entry> entries = passed(properties, HTTP_STAGE_PASSED);
        entries.add(0, new MapNode.Entry("ApiId", at, Nodes.ref(id, at)));
        entries.add(1, new MapNode.Entry("StageName", at,
                stageName != null ? stageName : Nodes.text("$default", at)));
        entries.add(2, new MapNode.Entry("AutoDeploy", at,
                new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at)));
        add(stageId, "AWS::ApiGatewayV2::Stage", new MapNode(entries, at), at, condition, id);
        return stageId;
    }

    private static List<MapNode.Entry> passed(MapNode properties, List<String> keys) {
        List<MapNode.Entry> entries = new java.util.ArrayList<>();
        for (String key : keys) {
            MapNode.Entry entry = properties.entry(key);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private void add(String logicalId, String type, MapNode properties, SourceSpan at,
            String condition, String apiId) {
        boolean implicit = apiId.equals(IMPLICIT_REST) || apiId.equals(IMPLICIT_HTTP);
        String generatedFrom = logicalId.equals(apiId) && !implicit ? null : apiId;
        out.add(new Resource(logicalId, type, properties, at, condition, generatedFrom));
    }
}
