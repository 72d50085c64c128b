package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expands the events that put a function behind an API: {@code http} (REST API),
 * {@code httpApi}, {@code websocket} and {@code alb}. The API itself is created once per service,
 * at the first event that needs it, with the provider's {@code apiGateway} and {@code logs}
 * settings applied by {@link #finish()}.
 *
 * <p>The REST and WebSocket stages and their tracing and log settings are added by
 * {@link StageSettings}.
 */
final class ApiEvents {

    private final ServiceModel model;
    private final Set<String> created = new HashSet<>();
    private final RestAuthorizers authorizers;

    ApiEvents(ServiceModel model) {
        this.model = model;
        this.authorizers = new RestAuthorizers(model);
    }

    void expand(String type, String function, Node value, MapNode settings, SourceSpan at) {
        switch (type) {
            case "http" -> http(function, value, settings, at);
            case "httpApi" -> httpApi(function, value, settings, at);
            case "websocket" -> websocket(function, value, settings, at);
            default -> alb(function, settings, at);
        }
    }

    private void http(String function, Node value, MapNode settings, SourceSpan at) {
        String path = settings != null ? ServiceModel.text(settings.get("path")) : null;
        String method = settings != null ? ServiceModel.text(settings.get("method")) : null;
        if (settings == null && value.text() != null) {
            String[] parts = value.text().trim().split("\\s+", 2);
            method = parts[0];
            path = parts.length > 1 ? parts[1] : "/";
        }
        if (path == null || method == null) {
            return;
        }
        restApiOnce(at);
        String trimmed = path.replaceAll("^/+|/+$", "");
        String resourceId = resources(trimmed, at);
        String verb = method.toLowerCase(Locale.ROOT);
        verb = verb.equals("any") ? "ANY" : verb.toUpperCase(Locale.ROOT);
        String type = integrationType(settings);
        RestAuthorizers.Method authorizer = authorizers.method(
                settings == null ? null : settings.entry("authorizer"), function, at);
        model.add("ApiGatewayMethod" + Naming.path(trimmed).replaceAll("^$", "")
                + Naming.upperFirst(method.toLowerCase(Locale.ROOT)),
                "AWS::ApiGateway::Method", Nodes.map(at,
                        "HttpMethod", Nodes.text(verb, at),
                        "RequestParameters", HttpRequestSettings.parameters(settings, at),
                        "RequestValidatorId", HttpRequestSettings.validator(model, settings,
                                Naming.REST_API, created),
                        "ResourceId", resourceId == null
                                ? Nodes.getAtt(Naming.REST_API, "RootResourceId", at)
                                : Nodes.ref(resourceId, at),
                        "RestApiId", Nodes.ref(Naming.REST_API, at),
                        "ApiKeyRequired", ServiceModel.bool(settings != null
                                && ServiceModel.isTrue(settings.get("private")), at),
                        "AuthorizationType", authorizer.authorizationType(),
                        "AuthorizerId", authorizer.authorizerId(),
                        "Integration", integration(type, function, method, settings, at),
                        "MethodResponses", Nodes.list(at, List.of())), at, function);
        if (settings != null && settings.get("cors") != null
                && !"false".equals(settings.get("cors").text())) {
            cors(trimmed, resourceId, settings.get("cors"), at);
        }
        // The framework adds the permission for every http event, whatever its integration.
        permissionOnce(function, "LambdaPermissionApiGateway", Naming.REST_API, at);
    }

    /**
     * Returns the CloudFormation integration type of an {@code http} event's
     * {@code integration}, normalized as the framework does: {@code lambda} and {@code aws}
     * become AWS, {@code lambda-proxy} (the default) AWS_PROXY, {@code http-proxy} HTTP_PROXY.
     * Without {@code integration}, {@code async: true} selects AWS.
     */
    private static String integrationType(MapNode settings) {
        String written = settings == null ? null : ServiceModel.text(settings.get("integration"));
        if (written == null) {
            return settings != null && ServiceModel.isTrue(settings.get("async"))
                    ? "AWS" : "AWS_PROXY";
        }
        String type = upperSnake(written);
        return switch (type) {
            case "LAMBDA" -> "AWS";
            case "LAMBDA_PROXY" -> "AWS_PROXY";
            default -> type;
        };
    }

    /**
     * Returns the method's integration. AWS types call the function, HTTP types call the event's
     * {@code request.uri} (through a VPC link if {@code connectionType} is set), MOCK calls none
     * but keeps the POST method the framework always writes.
     */
    private static Node integration(String type, String function, String method,
            MapNode settings, SourceSpan at) {
        if (type.startsWith("HTTP")) {
            MapNode request = settings.getMap("request");
            Node uri = request == null ? null : request.get("uri");
            String verb = request == null ? null : ServiceModel.text(request.get("method"));
            Node connection = settings.get("connectionType");
            return Nodes.map(at,
                    "IntegrationHttpMethod", Nodes.text((verb != null ? verb : method)
                            .toUpperCase(Locale.ROOT), at),
                    "Type", Nodes.text(type, at),
                    "Uri", uri,
                    "ConnectionType", connection == null || connection.text() == null
                            ? connection : Nodes.text(upperSnake(connection.text()),
                                    connection.span()),
                    "ConnectionId", connection == null ? null : settings.get("connectionId"));
        }
        if (type.equals("MOCK")) {
            return Nodes.map(at, "IntegrationHttpMethod", Nodes.text("POST", at),
                    "Type", Nodes.text(type, at));
        }
        return Nodes.map(at,
                "IntegrationHttpMethod", Nodes.text("POST", at),
                "Type", Nodes.text(type, at),
                "Uri", ServerlessExpander.joined(at, Nodes.text("arn:", at),
                        Nodes.ref("AWS::Partition", at),
                        Nodes.text(":apigateway:", at),
                        Nodes.ref("AWS::Region", at),
                        Nodes.text(":lambda:path/2015-03-31/functions/", at),
                        ServiceModel.functionArn(function, at),
                        Nodes.text("/invocations", at)));
    }

    /** Returns a setting value as the framework normalizes it: upper case, '-' as '_'. */
    private static String upperSnake(String value) {
        return value.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Adds the service's REST API, unless it exists or the provider names an external one. */
    private void restApiOnce(SourceSpan at) {
        boolean external = model.providerEntry("apiGateway", "restApiId") != null;
        if (!external && once(Naming.REST_API)) {
            String apiName = ServiceModel.text(model.provider().get("apiName"));
            MapNode.Entry compression = model.providerEntry("apiGateway",
                    "minimumCompressionSize");
            model.add(Naming.REST_API, "AWS::ApiGateway::RestApi", Nodes.map(at,
                    "MinimumCompressionSize", compression == null ? null : compression.value(),
                    "Name", Nodes.text(apiName != null ? apiName
                            : model.stage() + "-" + model.service(), at),
                    "EndpointConfiguration", Nodes.map(at, "Types", Nodes.list(at,
                            List.of(endpointType(at)))),
                    "Policy", Nodes.text("", at)), at, null);
        }
    }

    /**
     * Adds the OPTIONS method that responds to CORS preflight requests for a path, once. Its
     * integration response sends the allowed origin: {@code *} for {@code cors: true}, else the
     * event's {@code origin} or {@code origins}, which the framework joins with commas.
     */
    private void cors(String path, String resourceId, Node cors, SourceSpan at) {
        String id = "ApiGatewayMethod" + Naming.path(path) + "Options";
        if (once(id)) {
            model.add(id, "AWS::ApiGateway::Method", Nodes.map(at,
                    "AuthorizationType", Nodes.text("NONE", at),
                    "HttpMethod", Nodes.text("OPTIONS", at),
                    "ResourceId", resourceId == null
                            ? Nodes.getAtt(Naming.REST_API, "RootResourceId", at)
                            : Nodes.ref(resourceId, at),
                    "RestApiId", Nodes.ref(Naming.REST_API, at),
                    "Integration", Nodes.map(at, "Type", Nodes.text("MOCK", at),
                            "IntegrationResponses", corsResponses(cors))), at, null);
        }
    }

    private static Node corsResponses(Node cors) {
        MapNode settings = cors.asMap();
        Node origin = settings == null ? Nodes.text("'*'", cors.span()) : null;
        if (settings != null && settings.get("origin") != null) {
            origin = quoted(settings.get("origin"));
        } else if (settings != null && settings.get("origins") != null) {
            List<String> origins = new ArrayList<>();
            for (Node item : ServiceModel.items(settings.get("origins"))) {
                origins.add(item.text());
            }
            origin = origins.contains(null) ? null : Nodes.text("'" + String.join(",", origins)
                    + "'", settings.get("origins").span());
        }
        if (origin == null) {
            return null;
        }
        return Nodes.list(cors.span(), List.of(Nodes.map(cors.span(),
                "StatusCode", Nodes.text("200", cors.span()),
                "ResponseParameters", Nodes.map(cors.span(),
                        "method.response.header.Access-Control-Allow-Origin", origin))));
    }

    /** Returns a header value in the single quotes API Gateway needs for a literal. */
    private static Node quoted(Node value) {
        return value.text() == null ? value : Nodes.text("'" + value.text() + "'", value.span());
    }

    /** Returns the REST API's endpoint type: the provider's {@code endpointType}, else EDGE. */
    private Node endpointType(SourceSpan at) {
        MapNode.Entry type = model.providerEntry("endpointType");
        if (type == null || type.value().text() == null) {
            return Nodes.text("EDGE", at);
        }
        return Nodes.text(type.value().text().toUpperCase(Locale.ROOT), type.value().span());
    }

    /** Adds the resources of each part of {@code path}, returning the last one's ID. */
    private String resources(String path, SourceSpan at) {
        if (path.isEmpty()) {
            return null;
        }
        String[] parts = path.split("/");
        String parent = null;
        StringBuilder prefix = new StringBuilder();
        for (String part : parts) {
            prefix.append(prefix.length() == 0 ? "" : "/").append(part);
            String id = "ApiGatewayResource" + Naming.path(prefix.toString());
            if (once(id)) {
                model.add(id, "AWS::ApiGateway::Resource", Nodes.map(at,
                        "ParentId", parent == null
                                ? Nodes.getAtt(Naming.REST_API, "RootResourceId", at)
                                : Nodes.ref(parent, at),
                        "PathPart", Nodes.text(part, at),
                        "RestApiId", Nodes.ref(Naming.REST_API, at)), at, null);
            }
            parent = id;
        }
        return parent;
    }

    private void httpApi(String function, Node value, MapNode settings, SourceSpan at) {
        String path = settings != null ? ServiceModel.text(settings.get("path")) : null;
        String method = settings != null ? ServiceModel.text(settings.get("method")) : null;
        if (settings == null && value.text() != null) {
            String[] parts = value.text().trim().split("\\s+", 2);
            method = parts.length > 1 ? parts[0] : "*";
            path = parts.length > 1 ? parts[1] : parts[0];
        }
        if (path == null) {
            return;
        }
        boolean external = model.providerEntry("httpApi", "id") != null;
        if (!external && once(Naming.HTTP_API)) {
            String name = ServiceModel.text(
                    ServiceModel.value(model.provider(), "httpApi", "name"));
            model.add(Naming.HTTP_API, "AWS::ApiGatewayV2::Api", Nodes.map(at,
                    "Name", Nodes.text(name != null ? name
                            : model.stage() + "-" + model.service(), at),
                    "ProtocolType", Nodes.text("HTTP", at),
                    "CorsConfiguration", HttpApiSettings.cors(model)), at, null);
            MapNode.Entry logs = model.providerEntry("logs", "httpApi");
            model.add("HttpApiStage", "AWS::ApiGatewayV2::Stage", Nodes.map(at,
                    "ApiId", Nodes.ref(Naming.HTTP_API, at),
                    "StageName", Nodes.text("$default", at),
                    "AutoDeploy", ServiceModel.bool(true, at),
                    "AccessLogSettings", logs == null || "false".equals(logs.value().text())
                            ? null : StageSettings.accessLog(logs.value().asMap(),
                                    "HttpApiLogGroup", StageSettings.HTTP_FORMAT,
                                    logs.keySpan())),
                    at, null);
        }
        String integration = "HttpApiIntegration" + Naming.function(function);
        if (once(integration)) {
            model.add(integration, "AWS::ApiGatewayV2::Integration", Nodes.map(at,
                    "ApiId", Nodes.ref(Naming.HTTP_API, at),
                    "IntegrationType", Nodes.text("AWS_PROXY", at),
                    "IntegrationUri", ServiceModel.functionArn(function, at),
                    "PayloadFormatVersion", Nodes.text("2.0", at)), at, function);
        }
        boolean any = method == null || method.equals("*");
        String routeKey = any && path.equals("*") ? "$default"
                : (any ? "ANY" : method.toUpperCase(Locale.ROOT)) + " " + path;
        String routeId = routeKey.equals("$default") ? "HttpApiRouteDefault"
                : "HttpApiRoute" + Naming.path(routeKey);
        model.add(routeId, "AWS::ApiGatewayV2::Route", Nodes.map(at,
                "ApiId", Nodes.ref(Naming.HTTP_API, at),
                "RouteKey", Nodes.text(routeKey, at),
                "AuthorizationType", HttpApiSettings.authorizationType(model,
                        settings == null ? null : settings.entry("authorizer")),
                "AuthorizerId", HttpApiSettings.authorizerId(
                        settings == null ? null : settings.entry("authorizer")),
                "Target", Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("/", at),
                        Nodes.list(at, List.of(Nodes.text("integrations", at),
                                Nodes.ref(integration, at))))))), at, function);
        permissionOnce(function, "LambdaPermissionHttpApi", Naming.HTTP_API, at);
    }

    private void websocket(String function, Node value, MapNode settings, SourceSpan at) {
        String route = settings != null ? ServiceModel.text(settings.get("route")) : value.text();
        if (route == null) {
            return;
        }
        if (once(Naming.WEBSOCKETS_API)) {
            model.add(Naming.WEBSOCKETS_API, "AWS::ApiGatewayV2::Api", Nodes.map(at,
                    "Name", Nodes.text(model.stage() + "-" + model.service() + "-websockets", at),
                    "RouteSelectionExpression", Nodes.text("$request.body.action", at),
                    "ProtocolType", Nodes.text("WEBSOCKET", at)), at, null);
        }
        String integration = Naming.function(function) + "WebsocketsIntegration";
        if (once(integration)) {
            model.add(integration, "AWS::ApiGatewayV2::Integration", Nodes.map(at,
                    "ApiId", Nodes.ref(Naming.WEBSOCKETS_API, at),
                    "IntegrationType", Nodes.text("AWS_PROXY", at),
                    "IntegrationUri", ServiceModel.functionArn(function, at)), at, function);
        }
        String routeKey = route.replace("$", "S").replace("/", "Slash").replace("-", "Dash")
                .replace("_", "Underscore").replace(".", "Period");
        model.add(routeKey + "WebsocketsRoute", "AWS::ApiGatewayV2::Route", Nodes.map(at,
                "ApiId", Nodes.ref(Naming.WEBSOCKETS_API, at),
                "RouteKey", Nodes.text(route, at),
                "AuthorizationType", Nodes.text("NONE", at),
                "Target", Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("/", at),
                        Nodes.list(at, List.of(Nodes.text("integrations", at),
                                Nodes.ref(integration, at))))))), at, function);
        permissionOnce(function, "LambdaPermissionWebsockets", Naming.WEBSOCKETS_API, at);
    }

    private void alb(String function, MapNode settings, SourceSpan at) {
        if (settings == null || settings.get("listenerArn") == null) {
            return;
        }
        Node listener = settings.get("listenerArn");
        String albId = listener.text() != null ? albIdOf(listener.text())
                : EventExpander.sourceName(listener, ":");
        boolean multiValue = ServiceModel.isTrue(settings.get("multiValueHeaders"));
        String normalized = Naming.function(function);
        String group = normalized + "Alb" + (multiValue ? "MultiValue" : "") + "TargetGroup"
                + albId;
        if (once(group)) {
            model.add(group, "AWS::ElasticLoadBalancingV2::TargetGroup", Nodes.map(at,
                    "TargetType", Nodes.text("lambda", at),
                    "Targets", Nodes.list(at, List.of(Nodes.map(at, "Id",
                            ServiceModel.functionArn(function, at))))), at, function);
        }
        String priority = String.valueOf(ServiceModel.text(settings.get("priority")));
        model.add(normalized + "AlbListenerRule" + priority,
                "AWS::ElasticLoadBalancingV2::ListenerRule", Nodes.map(at,
                        "ListenerArn", listener,
                        "Priority", settings.get("priority"),
                        "Conditions", conditions(settings.getMap("conditions"), at),
                        "Actions", Nodes.list(at, List.of(Nodes.map(at,
                                "Type", Nodes.text("forward", at),
                                "TargetGroupArn", Nodes.ref(group, at))))), at, function);
        if (once(normalized + "LambdaPermissionAlb")) {
            add(function, normalized + "LambdaPermissionAlb", "elasticloadbalancing.amazonaws.com",
                    Nodes.ref(group, at), at);
            add(function, normalized + "LambdaPermissionRegisterTarget",
                    "elasticloadbalancing.amazonaws.com", null, at);
        }
    }

    /** Returns the rule conditions of an {@code alb} event's path and method conditions. */
    private static Node conditions(MapNode conditions, SourceSpan at) {
        if (conditions == null) {
            return null;
        }
        List<Node> result = new ArrayList<>();
        Node path = conditions.get("path");
        if (path != null) {
            result.add(Nodes.map(at, "Field", Nodes.text("path-pattern", at),
                    "Values", Nodes.list(at, ServiceModel.items(path))));
        }
        Node method = conditions.get("method");
        if (method != null) {
            result.add(Nodes.map(at, "Field", Nodes.text("http-request-method", at),
                    "HttpRequestMethodConfig", Nodes.map(at, "Values",
                            Nodes.list(at, ServiceModel.items(method)))));
        }
        return Nodes.list(at, result);
    }

    /** Returns the load balancer ID in a listener ARN ({@code .../app/name/id/listener}). */
    private static String albIdOf(String arn) {
        String[] parts = arn.split("/");
        return parts.length >= 4 ? parts[parts.length - 2] : Naming.alphaNumeric(arn);
    }

    private void permissionOnce(String function, String suffix, String api, SourceSpan at) {
        String id = Naming.function(function) + suffix;
        if (once(id)) {
            add(function, id, "apigateway.amazonaws.com", ServerlessExpander.joined(at,
                    Nodes.text("arn:", at), Nodes.ref("AWS::Partition", at),
                    Nodes.text(":execute-api:", at), Nodes.ref("AWS::Region", at),
                    Nodes.text(":", at), Nodes.ref("AWS::AccountId", at), Nodes.text(":", at),
                    Nodes.ref(api, at), Nodes.text("/*/*", at)), at);
        }
    }

    private void add(String function, String id, String principal, Node sourceArn,
            SourceSpan at) {
        model.add(id, "AWS::Lambda::Permission", Nodes.map(at,
                "FunctionName", ServiceModel.functionArn(function, at),
                "Action", Nodes.text("lambda:InvokeFunction", at),
                "Principal", Nodes.text(principal, at),
                "SourceArn", sourceArn), at, function);
    }

    private boolean once(String logicalId) {
        return created.add(logicalId);
    }

    /** Adds the provider's API settings: usage plans, log groups, stages and their logs. */
    void finish() {
        ApiSettings.apply(model, created.contains(Naming.REST_API),
                created.contains(Naming.HTTP_API));
        Resource restApi = generated(Naming.REST_API);
        if (restApi != null) {
            StageSettings.restStage(model, restApi);
        }
        Resource websocketApi = generated(Naming.WEBSOCKETS_API);
        if (websocketApi != null) {
            StageSettings.websocketStage(model, websocketApi);
        }
    }

    /** Returns the API this class created with {@code logicalId}, or {@code null}. */
    private Resource generated(String logicalId) {
        if (!created.contains(logicalId)) {
            return null;
        }
        return model.resources().stream()
                .filter(resource -> resource.logicalId().equals(logicalId))
                .findFirst().orElse(null);
    }
}
