package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the parts of an API definition that the SAM translator writes for events: the
 * integration of a route, the ARN a permission is scoped to, and the OpenAPI document of an API
 * whose definition SAM generates from its events.
 */
final class ApiDefinitions {

    private static final String INVOCATION_URI = "arn:${AWS::Partition}:apigateway:"
            + "${AWS::Region}:lambda:path/2015-03-31/functions/${__FunctionArn__}/invocations";

    private ApiDefinitions() {
    }

    /** Returns the {@code aws_proxy} integration that invokes {@code functionArn}. */
    static MapNode lambdaIntegration(Node functionArn, boolean http, SourceSpan at) {
        Node uri = Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(Nodes.text(INVOCATION_URI, at),
                Nodes.map(at, "__FunctionArn__", functionArn))));
        return Nodes.map(at,
                "type", Nodes.text("aws_proxy", at),
                "httpMethod", Nodes.text("POST", at),
                "uri", uri,
                "payloadFormatVersion", http ? Nodes.text("2.0", at) : null);
    }

    /**
     * Returns the {@code execute-api} ARN that a route's permission is scoped to, as
     * {@code Fn::Sub}: any stage, the method (any method for {@code any}) and the path with each
     * path parameter as a wildcard.
     */
    static Node executeArn(String apiId, boolean http, String path, String method,
            SourceSpan at) {
        String resource;
        if (path == null) {
            resource = "*";
        } else {
            String verb = method == null || method.equals("any") ? "*"
                    : method.toUpperCase(java.util.Locale.ROOT);
            resource = verb + path.replaceAll("\\{[^}]*}", "*");
        }
        String pattern = "arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:"
                + "${__ApiId__}/${__Stage__}/" + resource;
        return Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(Nodes.text(pattern, at),
                Nodes.map(at, "__ApiId__", Nodes.ref(apiId, at),
                        "__Stage__", Nodes.text("*", at)))));
    }

    /**
     * Returns the OpenAPI document the translator generates for an API without a definition:
     * Swagger 2.0 for a REST API, OpenAPI 3.0 for an HTTP API, with one operation per route.
     */
    static MapNode generated(List<ApiRoute> routes, MapNode apiProperties, boolean http,
            SourceSpan at) {
        MapNode auth = apiProperties == null ? null : apiProperties.getMap("Auth");
        String defaultAuthorizer = auth == null ? null : auth.getText("DefaultAuthorizer");
        Map<String, List<MapNode.Entry>> paths = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            String path = route.path() == null ? "$default" : route.path();
            String method = route.method() == null || route.method().equals("any")
                    ? "x-amazon-apigateway-any-method" : route.method();
            paths.computeIfAbsent(path, p -> new ArrayList<>()).add(new MapNode.Entry(method,
                    route.span(), operation(route, defaultAuthorizer)));
        }
        boolean cors = apiProperties != null && apiProperties.has("Cors") && !http;
        List<MapNode.Entry> pathEntries = new ArrayList<>();
        paths.forEach((path, operations) -> {
            List<MapNode.Entry> all = new ArrayList<>(operations);
            if (cors && all.stream().noneMatch(entry -> entry.key().equals("options"))) {
                all.add(new MapNode.Entry("options", at, corsOperation(at)));
            }
            pathEntries.add(new MapNode.Entry(path, at, new MapNode(all, at)));
        });
        MapNode info = Nodes.map(at, "version", Nodes.text("1.0", at),
                "title", Nodes.ref("AWS::StackName", at));
        return Nodes.map(at,
                http ? "openapi" : "swagger", Nodes.text(http ? "3.0.1" : "2.0", at),
                "info", info,
                "paths", new MapNode(pathEntries, at),
                "securityDefinitions", http ? null : securityDefinitions(auth, at),
                "x-amazon-apigateway-cors", http && apiProperties != null
                        ? apiProperties.get("CorsConfiguration") : null);
    }

    private static MapNode operation(ApiRoute route, String defaultAuthorizer) {
        SourceSpan at = route.span();
        MapNode auth = route.properties().getMap("Auth");
        String authorizer = auth != null && auth.getText("Authorizer") != null
                ? auth.getText("Authorizer") : defaultAuthorizer;
        List<Node> security = new ArrayList<>();
        if (authorizer != null && !authorizer.equals("NONE")
                && !authorizer.equals("AWS_IAM")) {
            security.add(Nodes.map(at, authorizer, Nodes.list(at, List.of())));
        }
        if (auth != null && "true".equalsIgnoreCase(auth.getText("ApiKeyRequired"))) {
            security.add(Nodes.map(at, "api_key", Nodes.list(at, List.of())));
        }
        return Nodes.map(at,
                route.path() == null ? "isDefaultRoute" : "responses", route.path() == null
                        ? new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at)
                        : Nodes.map(at),
                "security", security.isEmpty() ? null : Nodes.list(at, security),
                "x-amazon-apigateway-integration", route.integration());
    }

    private static MapNode corsOperation(SourceSpan at) {
        return Nodes.map(at,
                "summary", Nodes.text("CORS support", at),
                "x-amazon-apigateway-integration", Nodes.map(at,
                        "type", Nodes.text("mock", at)));
    }

    private static MapNode securityDefinitions(MapNode auth, SourceSpan at) {
        MapNode authorizers = auth == null ? null : auth.getMap("Authorizers");
        if (authorizers == null) {
            return null;
        }
        List<MapNode.Entry> definitions = new ArrayList<>();
        for (MapNode.Entry entry : authorizers.entries()) {
            MapNode authorizer = entry.value().asMap();
            boolean cognito = authorizer != null && authorizer.has("UserPoolArn");
            definitions.add(new MapNode.Entry(entry.key(), entry.keySpan(), Nodes.map(at,
                    "type", Nodes.text("apiKey", at),
                    "name", Nodes.text("Authorization", at),
                    "in", Nodes.text("header", at),
                    "x-amazon-apigateway-authtype", Nodes.text(cognito ? "cognito_user_pools"
                            : "custom", at))));
        }
        return new MapNode(definitions, at);
    }
}
