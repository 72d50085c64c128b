package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.util.function.BiConsumer;

/**
 * Finds the API Gateway methods, routes and SAM events that call a function synchronously, and
 * the kind of API each belongs to: REST methods and OpenAPI bodies of REST APIs, v2 integrations
 * and quick-create targets, and SAM {@code Api} and {@code HttpApi} events as written.
 */
final class ApiIntegrationScanner {

    private static final String OPENAPI_INTEGRATION = "x-amazon-apigateway-integration";
    /** The request parameter that makes a REST integration invoke Lambda asynchronously. */
    private static final String INVOCATION_TYPE =
            "integration.request.header.X-Amz-Invocation-Type";

    private final Template template;
    private final Evaluator evaluator;
    private final FunctionResolver functions;
    private final BiConsumer<String, ApiIntegration> sink;

    ApiIntegrationScanner(Template template, Evaluator evaluator, FunctionResolver functions,
            BiConsumer<String, ApiIntegration> sink) {
        this.template = template;
        this.evaluator = evaluator;
        this.functions = functions;
        this.sink = sink;
    }

    void scan() {
        for (Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::ApiGateway::Method" -> method(resource);
                case "AWS::ApiGatewayV2::Integration" -> {
                    Node uri = resource.property("IntegrationUri");
                    add(uri, v2Kind(resource.property("ApiId")), resource,
                            resource.property("TimeoutInMillis"));
                }
                case "AWS::ApiGatewayV2::Api" -> {
                    ApiIntegration.Kind kind = protocolKind(resource);
                    add(resource.property("Target"), kind, resource, null);
                    openApi(resource.property("Body"), kind, resource);
                }
                case "AWS::ApiGateway::RestApi" -> openApi(resource.property("Body"),
                        ApiIntegration.Kind.REST, resource);
                case "AWS::Serverless::Api" -> openApi(resource.property("DefinitionBody"),
                        ApiIntegration.Kind.REST, resource);
                case "AWS::Serverless::HttpApi" -> openApi(resource.property("DefinitionBody"),
                        ApiIntegration.Kind.HTTP, resource);
                default -> { }
            }
        }
        for (MapNode.Entry definition : template.resourceDefinitions().entries()) {
            MapNode map = definition.value().asMap();
            if (map != null && "AWS::Serverless::Function".equals(map.getText("Type"))) {
                samEvents(definition.key(), map.getMap("Properties"));
            }
        }
    }

    private void method(Resource method) {
        Node integration = method.property("Integration");
        if (integration != null && integration.asMap() != null) {
            MapNode map = integration.asMap();
            if (!asynchronous(map.get("RequestParameters"))) {
                add(map.get("Uri"), ApiIntegration.Kind.REST, method,
                        map.get("TimeoutInMillis"));
            }
        }
    }

    /** Reads the SAM events as written, because SAM types of APIs are not expanded here. */
    private void samEvents(String functionId, MapNode properties) {
        Resource function = template.resource(functionId);
        MapNode events = properties == null ? null : properties.getMap("Events");
        if (function == null || events == null) {
            return;
        }
        for (MapNode.Entry event : events.entries()) {
            MapNode definition = event.value().asMap();
            String type = definition == null ? null : definition.getText("Type");
            ApiIntegration.Kind kind = "Api".equals(type) ? ApiIntegration.Kind.REST
                    : "HttpApi".equals(type) ? ApiIntegration.Kind.HTTP : null;
            if (kind != null) {
                MapNode eventProperties = definition.getMap("Properties");
                Node timeout = eventProperties == null ? null
                        : eventProperties.get("TimeoutInMillis");
                sink.accept(functionId, new ApiIntegration(kind, function, event.keySpan(),
                        timeout));
            }
        }
    }

    private void openApi(Node body, ApiIntegration.Kind kind, Resource api) {
        MapNode paths = body == null || body.asMap() == null ? null : body.asMap().getMap("paths");
        if (paths == null) {
            return;
        }
        for (MapNode.Entry path : paths.entries()) {
            MapNode operations = path.value().asMap();
            if (operations == null) {
                continue;
            }
            for (MapNode.Entry operation : operations.entries()) {
                MapNode integration = operation.value().asMap() == null ? null
                        : operation.value().asMap().getMap(OPENAPI_INTEGRATION);
                if (integration != null && !asynchronous(integration.get("requestParameters"))) {
                    add(integration.get("uri"), kind, api, integration.get("timeoutInMillis"));
                }
            }
        }
    }

    /**
     * Returns whether integration request parameters set {@code X-Amz-Invocation-Type} to
     * {@code 'Event'}, so API Gateway hands the request to Lambda and responds without waiting.
     */
    private boolean asynchronous(Node requestParameters) {
        Node type = requestParameters == null || requestParameters.asMap() == null ? null
                : requestParameters.asMap().get(INVOCATION_TYPE);
        String value = evaluator.exactText(type);
        return value != null && value.replace("'", "").strip().equalsIgnoreCase("Event");
    }

    private ApiIntegration.Kind v2Kind(Node apiId) {
        String target = evaluator.referencedResource(apiId);
        Resource api = target == null ? null : template.resource(target);
        return api != null && api.type().equals("AWS::ApiGatewayV2::Api") ? protocolKind(api)
                : ApiIntegration.Kind.HTTP;
    }

    /** Returns the kind of a v2 API; an unknown protocol counts as HTTP, the longer limit. */
    private ApiIntegration.Kind protocolKind(Resource api) {
        String protocol = evaluator.exactText(api.property("ProtocolType"));
        return "WEBSOCKET".equals(protocol) ? ApiIntegration.Kind.WEBSOCKET
                : ApiIntegration.Kind.HTTP;
    }

    private void add(Node uri, ApiIntegration.Kind kind, Resource via, Node timeout) {
        String function = functions.resolve(uri);
        if (function != null) {
            SourceSpan span = uri.span().isKnown() ? uri.span() : via.span();
            sink.accept(function, new ApiIntegration(kind, via, span, timeout));
        }
    }
}
