package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the stages of the service's REST and WebSocket APIs with the settings the provider gives
 * them: {@code tracing.apiGateway}, {@code logs.restApi} and {@code logs.websocket}.
 *
 * <p>NOTE: Serverless Framework v3 creates the REST stage through the {@code StageName} of a
 * deployment named with a timestamp, and applies tracing and logging to it with API calls after
 * the stack is deployed. slens writes those settings into the {@code StageDescription} of one
 * {@code ApiGatewayDeployment}, which has the same effect, so that rules read them as they read
 * CloudFormation. The default access log formats below are shortened forms of the framework's
 * defaults: plain text for REST and WebSocket APIs, JSON for HTTP APIs.
 */
final class StageSettings {

    static final String REST_DEPLOYMENT = "ApiGatewayDeployment";
    static final String WEBSOCKETS_STAGE = "WebsocketsDeploymentStage";

    private static final String REST_FORMAT = "requestId: $context.requestId, ip:"
            + " $context.identity.sourceIp, requestTime: $context.requestTime, httpMethod:"
            + " $context.httpMethod, resourcePath: $context.resourcePath, status:"
            + " $context.status";
    private static final String WEBSOCKET_FORMAT = "$context.identity.sourceIp"
            + " [$context.requestTime] \"$context.eventType $context.routeKey"
            + " $context.connectionId\" $context.status $context.requestId";
    static final String HTTP_FORMAT = "{\"requestId\":\"$context.requestId\","
            + "\"ip\":\"$context.identity.sourceIp\",\"requestTime\":\"$context.requestTime\","
            + "\"routeKey\":\"$context.routeKey\",\"status\":\"$context.status\"}";

    private StageSettings() {
    }

    /** Adds the REST API's deployment, which creates the stage, with its settings. */
    static void restStage(ServiceModel model, Resource api) {
        SourceSpan at = api.span();
        List<MapNode.Entry> description = new ArrayList<>();
        MapNode.Entry tracing = model.providerEntry("tracing", "apiGateway");
        if (tracing != null) {
            description.add(new MapNode.Entry("TracingEnabled", tracing.keySpan(),
                    tracing.value()));
        }
        MapNode.Entry logs = model.providerEntry("logs", "restApi");
        MapNode options = logs == null ? null : logs.value().asMap();
        boolean enabled = logs != null && !"false".equals(logs.value().text());
        if (enabled && !isFalse(options, "accessLogging")) {
            description.add(new MapNode.Entry("AccessLogSetting", logs.keySpan(),
                    accessLog(options, "ApiGatewayLogGroup", REST_FORMAT, logs.keySpan())));
        }
        if (enabled && !isFalse(options, "executionLogging")) {
            Node level = options == null ? null : options.get("level");
            Node payloads = options == null ? null : options.get("fullExecutionData");
            SourceSpan key = logs.keySpan();
            description.add(new MapNode.Entry("MethodSettings", key, Nodes.list(key, List.of(
                    Nodes.map(key, "HttpMethod", Nodes.text("*", key),
                            "ResourcePath", Nodes.text("/*", key),
                            "LoggingLevel", level != null ? level : Nodes.text("INFO", key),
                            "DataTraceEnabled", payloads != null ? payloads
                                    : ServiceModel.bool(true, key))))));
        }
        MapNode.Entry[] settings = description.toArray(MapNode.Entry[]::new);
        model.add(REST_DEPLOYMENT, "AWS::ApiGateway::Deployment", Nodes.map(at,
                "RestApiId", Nodes.ref(Naming.REST_API, at),
                "StageName", Nodes.text(model.stage(), at),
                "StageDescription", settings.length == 0 ? null
                        : new MapNode(List.of(settings), at)), at, null);
    }

    /** Adds the stage of the WebSocket API, with access logs when the provider enables them. */
    static void websocketStage(ServiceModel model, Resource api) {
        SourceSpan at = api.span();
        MapNode.Entry logs = model.providerEntry("logs", "websocket");
        MapNode options = logs == null ? null : logs.value().asMap();
        boolean enabled = logs != null && !"false".equals(logs.value().text())
                && !isFalse(options, "accessLogging");
        if (enabled) {
            model.add("WebsocketsLogGroup", "AWS::Logs::LogGroup", Nodes.map(logs.keySpan(),
                    "LogGroupName", Nodes.text("/aws/websocket/" + model.service() + "-"
                            + model.stage(), logs.keySpan())), logs.keySpan(), null);
        }
        model.add(WEBSOCKETS_STAGE, "AWS::ApiGatewayV2::Stage", Nodes.map(at,
                "ApiId", Nodes.ref(Naming.WEBSOCKETS_API, at),
                "StageName", Nodes.text(model.stage(), at),
                "AccessLogSettings", enabled ? accessLog(options, "WebsocketsLogGroup",
                        WEBSOCKET_FORMAT, logs.keySpan()) : null), at, null);
    }

    /** Returns access log settings writing to {@code logGroup} in the user's or the format. */
    static MapNode accessLog(MapNode options, String logGroup, String defaultFormat,
            SourceSpan at) {
        Node format = options == null ? null : options.get("format");
        return Nodes.map(at, "DestinationArn", Nodes.getAtt(logGroup, "Arn", at),
                "Format", format != null ? format : Nodes.text(defaultFormat, at));
    }

    private static boolean isFalse(MapNode options, String key) {
        Node value = options == null ? null : options.get(key);
        return value instanceof ScalarNode && "false".equalsIgnoreCase(value.text());
    }
}
