package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands the {@code events:} of one function. Each event becomes what the framework (v3)
 * deploys for it, under its logical IDs: event source mappings for {@code sqs} and
 * {@code stream}, subscriptions, rules and permissions for services that push events, and API
 * resources through {@link ApiEvents}. Every generated resource points at the event's line.
 */
final class EventExpander {

    private final ServiceModel model;
    private final RoleBuilder roles;
    private final ApiEvents apis;
    private final String name;
    private final String normalized;
    private final MapNode function;
    private final PushEvents push;
    private final EventBridgeEvents eventBridge;
    /** How many events of each numbered kind (schedule, iot, ...) the function has so far. */
    private final Map<String, Integer> counters = new HashMap<>();

    EventExpander(ServiceModel model, RoleBuilder roles, ApiEvents apis, String name,
            MapNode function) {
        this.model = model;
        this.roles = roles;
        this.apis = apis;
        this.name = name;
        this.normalized = Naming.function(name);
        this.function = function;
        this.push = new PushEvents(model, name);
        this.eventBridge = new EventBridgeEvents(model, push, name,
                model.deployedName(name, function), model.problems());
    }

    void expandAll() {
        List<Node> events = ServiceModel.items(function.get("events"));
        for (int i = 0; i < events.size(); i++) {
            MapNode map = events.get(i).asMap();
            if (map == null || map.size() != 1) {
                continue;
            }
            MapNode.Entry entry = map.entries().iterator().next();
            expand(entry.key(), entry.value(), entry.keySpan(), i + 1);
        }
    }

    /**
     * Expands one event. {@code position} is its place among all the function's events, from 1,
     * which the framework numbers eventBridge events by; other kinds count only their own kind.
     */
    private void expand(String type, Node value, SourceSpan at, int position) {
        MapNode settings = value.asMap() != null && value.intrinsicName() == null
                ? value.asMap() : null;
        switch (type) {
            case "sqs" -> sqs(value, settings, at);
            case "stream" -> stream(value, settings, at);
            case "sns" -> push.sns(value, settings, at);
            case "s3" -> push.s3(value, settings, at);
            case "schedule" -> push.schedule(value, settings, at, next("schedule"));
            case "eventBridge" -> eventBridge.expand(settings, at, position);
            case "cloudwatchEvent" -> push.cloudwatchEvent(settings, at,
                    next("cloudwatchEvent"));
            case "cloudwatchLog" -> push.cloudwatchLog(value, settings, at,
                    next("cloudwatchLog"));
            case "iot" -> push.iot(settings, at, next("iot"));
            case "alexaSkill" -> push.permission(normalized + "LambdaPermissionAlexaSkill"
                    + next("alexaSkill"), "alexa-appkit.amazon.com", null, at);
            case "cognitoUserPool" -> push.cognito(settings, at);
            case "http", "httpApi", "websocket", "alb" -> apis.expand(type, name, value,
                    settings, at);
            default -> { }
        }
    }

    private int next(String kind) {
        return counters.merge(kind, 1, Integer::sum);
    }

    private void sqs(Node value, MapNode settings, SourceSpan at) {
        Node arn = settings != null ? settings.get("arn") : value;
        if (arn == null) {
            return;
        }
        String queue = sourceName(arn, ":");
        MapNode properties = Nodes.map(at,
                "BatchSize", orDefault(settings, "batchSize", "10", at),
                "MaximumBatchingWindowInSeconds", member(settings, "maximumBatchingWindow"),
                "EventSourceArn", arn,
                "FunctionName", ServiceModel.functionArn(name, at),
                "Enabled", enabled(settings, at),
                "FunctionResponseTypes", responseTypes(settings, at),
                "FilterCriteria", filters(settings, at),
                "ScalingConfig", settings == null || settings.get("maximumConcurrency") == null
                        ? null : Nodes.map(at, "MaximumConcurrency",
                                settings.get("maximumConcurrency")));
        model.add(normalized + "EventSourceMappingSQS" + Naming.alphaNumeric(queue),
                "AWS::Lambda::EventSourceMapping", properties, at, name);
        roles.addStatement(name, Nodes.map(at, "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, List.of(Nodes.text("sqs:ReceiveMessage", at),
                        Nodes.text("sqs:DeleteMessage", at),
                        Nodes.text("sqs:GetQueueAttributes", at))),
                "Resource", Nodes.list(at, List.of(arn))));
    }

    private void stream(Node value, MapNode settings, SourceSpan at) {
        Node arn = settings != null ? settings.get("arn") : value;
        if (arn == null) {
            return;
        }
        String type = settings == null ? null : ServiceModel.text(settings.get("type"));
        String arnText = arn.text();
        if (type == null && arnText != null) {
            type = arnText.contains(":kinesis:") ? "kinesis" : "dynamodb";
        }
        if (type == null) {
            return;
        }
        String stream = arnText != null && arnText.split("/").length > 1
                ? arnText.split("/")[1] : sourceName(arn, "/");
        Node onFailure = onFailure(settings);
        MapNode properties = Nodes.map(at,
                "BatchSize", orDefault(settings, "batchSize", "10", at),
                "EventSourceArn", arn,
                "FunctionName", ServiceModel.functionArn(name, at),
                "StartingPosition", settings != null && settings.get("startingPosition") != null
                        ? settings.get("startingPosition") : Nodes.text("TRIM_HORIZON", at),
                "Enabled", enabled(settings, at),
                "MaximumBatchingWindowInSeconds", member(settings, "batchWindow"),
                "MaximumRetryAttempts", member(settings, "maximumRetryAttempts"),
                "BisectBatchOnFunctionError", member(settings, "bisectBatchOnFunctionError"),
                "ParallelizationFactor", member(settings, "parallelizationFactor"),
                "MaximumRecordAgeInSeconds", member(settings, "maximumRecordAgeInSeconds"),
                "TumblingWindowInSeconds", member(settings, "tumblingWindowInSeconds"),
                "FunctionResponseTypes", responseTypes(settings, at),
                "FilterCriteria", filters(settings, at),
                "DestinationConfig", onFailure == null ? null : Nodes.map(onFailure.span(),
                        "OnFailure", Nodes.map(onFailure.span(), "Destination", onFailure)));
        String kind = Naming.upperFirst(type);
        model.add(normalized + "EventSourceMapping" + kind + Naming.alphaNumeric(stream),
                "AWS::Lambda::EventSourceMapping", properties, at, name);
        String service = type.equals("kinesis") ? "kinesis" : "dynamodb";
        roles.addStatement(name, Nodes.map(at, "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, List.of(Nodes.text(service + ":GetRecords", at),
                        Nodes.text(service + ":GetShardIterator", at),
                        Nodes.text(service + ":DescribeStream", at),
                        Nodes.text(service + ":ListStreams", at))),
                "Resource", Nodes.list(at, List.of(arn))));
    }

    /** Returns {@code destinations.onFailure} of a stream event: an ARN or {@code {arn}}. */
    private static Node onFailure(MapNode settings) {
        Node destination = settings == null ? null
                : ServiceModel.value(settings, "destinations", "onFailure");
        if (destination != null && destination.asMap() != null
                && destination.intrinsicName() == null) {
            return destination.asMap().get("arn");
        }
        return destination;
    }

    /**
     * Returns the name the framework puts in a mapping's logical ID: the last part of an ARN
     * string, the resource of a {@code Fn::GetAtt} or {@code Ref}, or an import's name.
     */
    static String sourceName(Node arn, String separator) {
        String text = arn.text();
        if (text != null) {
            String[] parts = text.split(separator.equals("/") ? "/" : ":");
            return parts[parts.length - 1];
        }
        String function = arn.intrinsicName();
        Node argument = function == null ? null : arn.asMap().get(function);
        if (argument == null) {
            return "";
        }
        if (argument.asList() != null && argument.asList().size() > 0) {
            Node first = argument.asList().get(0);
            if ("Fn::Join".equals(function) && argument.asList().size() > 1
                    && argument.asList().get(1).asList() != null) {
                List<Node> parts = argument.asList().get(1).asList().items();
                first = parts.isEmpty() ? first : parts.get(parts.size() - 1);
            }
            return first.text() == null ? "" : first.text();
        }
        return argument.text() == null ? "" : argument.text();
    }

    private static Node member(MapNode settings, String key) {
        return settings == null ? null : ServiceModel.value(settings, key);
    }

    private static Node orDefault(MapNode settings, String key, String fallback, SourceSpan at) {
        Node value = member(settings, key);
        return value != null ? value : ServiceModel.number(fallback, at);
    }

    private static Node enabled(MapNode settings, SourceSpan at) {
        Node value = member(settings, "enabled");
        return value != null ? value : ServiceModel.bool(true, at);
    }

    private static Node responseTypes(MapNode settings, SourceSpan at) {
        Node value = member(settings, "functionResponseType");
        return value == null ? null : Nodes.list(at, List.of(value));
    }

    private static Node filters(MapNode settings, SourceSpan at) {
        Node patterns = member(settings, "filterPatterns");
        return patterns == null ? null : Nodes.map(at, "Filters", patterns);
    }
}
