package dev.slens.rules.security;

import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;

/** Determines whether an API Gateway v2 route belongs to an HTTP API or a WebSocket API. */
final class ApiProtocols {

    private ApiProtocols() {
    }

    /**
     * Returns {@code HTTP} or {@code WEBSOCKET} for the API that {@code apiId} names, or null
     * when neither the API nor the route key shows the protocol. An API defined by an OpenAPI
     * {@code Body} is an HTTP API. Without the API, a key such as {@code GET /orders} is an
     * HTTP route, and a key without a space other than {@code $default} is a WebSocket route.
     */
    static String of(RuleContext context, Node apiId, String routeKey) {
        String id = context.evaluator().referencedResource(apiId);
        Resource api = id == null ? null : context.template().resource(id);
        if (api != null && "AWS::ApiGatewayV2::Api".equals(api.type())) {
            String protocol = context.evaluator().exactText(api.property("ProtocolType"));
            if (protocol != null) {
                return protocol;
            }
            if (api.property("Body") != null || api.property("BodyS3Location") != null) {
                return "HTTP";
            }
        }
        if (routeKey == null || routeKey.equals("$default")) {
            return null;
        }
        return routeKey.contains(" ") ? "HTTP" : "WEBSOCKET";
    }
}
