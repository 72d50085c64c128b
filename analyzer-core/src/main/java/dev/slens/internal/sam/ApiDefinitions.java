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
        RequestValidators validators = new RequestValidators();
        Map<String, List<MapNode.Entry>> paths = new LinkedHashMap<>();
        for (ApiRoute route : routes) {
            String path = route.path() == null ? "$default" : route.path();
            String method = route.method() == null || route.method().equals("any")
                    ? "x-amazon-apigateway-any-method" : route.method();
            paths.computeIfAbsent(path, p -> new ArrayList<>()).add(new MapNode.Entry(method,
                    route.span(), operation(route, auth, http ? null : validators)));
        }
        boolean cors = apiProperties != null && apiProperties.has("Cors") && !http;
        List<MapNode.Entry> pathEntries = new ArrayList<>();
        paths.forEach((path, operations) -> {
            List<MapNode.Entry> all = new ArrayList<>(operations);
            if (cors && all.stream().noneMatch(entry -> entry.key().equals("options"))) {
                all.add(new MapNode.Entry("options", at,
                        corsOperation(apiProperties.get("Cors"), at)));
            }
            pathEntries.add(new MapNode.Entry(path, at, new MapNode(all, at)));
        });
        MapNode info = Nodes.map(at, "version", Nodes.text("1.0", at),
                "title", Nodes.ref("AWS::StackName", at));
        return Nodes.map(at,
                http ? "openapi" : "swagger", Nodes.text(http ? "3.0.1" : "2.0", at),
                "info", info,
                "paths", new MapNode(pathEntries, at),
                "securityDefinitions", http ? null
                        : securityDefinitions(auth, usesIam(routes, auth),
                                routes.stream().anyMatch(route -> requiresKey(route, auth)), at),
                "x-amazon-apigateway-cors", http && apiProperties != null
                        ? apiProperties.get("CorsConfiguration") : null,
                "x-amazon-apigateway-request-validators", validators.definitions(at));
    }

    /**
     * Returns the operation of one route. Its {@code security} names the route's authorizer, else
     * the API's {@code DefaultAuthorizer}; {@code NONE} when the route opts out of a default, as
     * the translator writes it; and {@code api_key} when the route or else the API requires a key.
     * A REST API's operation also gets the route's request parameters and validator, which
     * {@code validators} records; {@code validators} is null for an HTTP API.
     */
    private static MapNode operation(ApiRoute route, MapNode apiAuth,
            RequestValidators validators) {
        SourceSpan at = route.span();
        MapNode auth = route.properties().getMap("Auth");
        String defaultAuthorizer = apiAuth == null ? null : apiAuth.getText("DefaultAuthorizer");
        String authorizer = auth != null && auth.getText("Authorizer") != null
                ? auth.getText("Authorizer") : defaultAuthorizer;
        List<Node> security = new ArrayList<>();
        if (authorizer != null && (!authorizer.equals("NONE") || defaultAuthorizer != null)) {
            security.add(Nodes.map(at, authorizer, Nodes.list(at, List.of())));
        }
        if (requiresKey(route, apiAuth)) {
            security.add(Nodes.map(at, "api_key", Nodes.list(at, List.of())));
        }
        return Nodes.map(at,
                route.path() == null ? "isDefaultRoute" : "responses", route.path() == null
                        ? new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at)
                        : Nodes.map(at),
                "parameters", validators == null ? null : RequestValidators.parameters(route),
                "security", security.isEmpty() ? null : Nodes.list(at, security),
                "x-amazon-apigateway-request-validator", validators == null ? null
                        : nullableText(validators.validatorOf(route), at),
                "x-amazon-apigateway-integration", route.integration());
    }

    private static Node nullableText(String value, SourceSpan at) {
        return value == null ? null : Nodes.text(value, at);
    }

    /** Returns whether a route requires an API key: its own {@code Auth}, else the API's. */
    private static boolean requiresKey(ApiRoute route, MapNode apiAuth) {
        MapNode auth = route.properties().getMap("Auth");
        String keyRequired = auth != null && auth.getText("ApiKeyRequired") != null
                ? auth.getText("ApiKeyRequired")
                : apiAuth == null ? null : apiAuth.getText("ApiKeyRequired");
        return "true".equalsIgnoreCase(keyRequired);
    }

    /** Returns whether a route or the API's default authorizer is {@code AWS_IAM}. */
    private static boolean usesIam(List<ApiRoute> routes, MapNode apiAuth) {
        if (apiAuth != null && "AWS_IAM".equals(apiAuth.getText("DefaultAuthorizer"))) {
            return true;
        }
        return routes.stream().map(route -> route.properties().getMap("Auth"))
                .anyMatch(auth -> auth != null && "AWS_IAM".equals(auth.getText("Authorizer")));
    }

    /**
     * Returns the mock operation that handles CORS preflight requests. Its integration response
     * sends the {@code Cors} setting's origin, which is the whole value when {@code Cors} is a
     * string and {@code AllowOrigin} when it is a map.
     */
    private static MapNode corsOperation(Node cors, SourceSpan at) {
        Node origin = cors.asMap() != null ? cors.asMap().get("AllowOrigin") : cors;
        MapNode responses = origin == null ? null : Nodes.map(at, "default", Nodes.map(at,
                "statusCode", Nodes.text("200", at),
                "responseParameters", Nodes.map(at,
                        "method.response.header.Access-Control-Allow-Origin", origin)));
        return Nodes.map(at,
                "summary", Nodes.text("CORS support", at),
                "x-amazon-apigateway-integration", Nodes.map(at,
                        "type", Nodes.text("mock", at),
                        "responses", responses));
    }

    private static MapNode securityDefinitions(MapNode auth, boolean usesIam, boolean keyed,
            SourceSpan at) {
        MapNode authorizers = auth == null ? null : auth.getMap("Authorizers");
        List<MapNode.Entry> definitions = new ArrayList<>();
        if (keyed) {
            // The translator names the API key scheme 'api_key' and reads the key from the
            // x-api-key header, as API Gateway expects.
            definitions.add(new MapNode.Entry("api_key", at, Nodes.map(at,
                    "type", Nodes.text("apiKey", at),
                    "name", Nodes.text("x-api-key", at),
                    "in", Nodes.text("header", at))));
        }
        if (usesIam) {
            definitions.add(new MapNode.Entry("AWS_IAM", at, Nodes.map(at,
                    "type", Nodes.text("apiKey", at),
                    "name", Nodes.text("Authorization", at),
                    "in", Nodes.text("header", at),
                    "x-amazon-apigateway-authtype", Nodes.text("awsSigv4", at))));
        }
        if (authorizers == null) {
            return definitions.isEmpty() ? null : new MapNode(definitions, at);
        }
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
