package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code Events} of a SAM function into what the translator generates: permissions for
 * pushing services, subscriptions and rules that target the function, and event source mappings
 * for queues and streams. Every generated resource points at the event's line.
 */
final class SamEventExpander {

    /** Event types that become an event source mapping, with the property naming the source. */
    private static final Map<String, String> POLLED = Map.of("SQS", "Queue", "Kinesis", "Stream",
            "DynamoDB", "Stream", "MSK", "Stream", "MQ", "Broker", "SelfManagedKafka", "",
            "DocumentDB", "Cluster");

    /** Event types that only add a permission for a service principal. */
    private static final Map<String, String> PERMISSION_ONLY = Map.of(
            "Api", "apigateway.amazonaws.com", "HttpApi", "apigateway.amazonaws.com",
            "S3", "s3.amazonaws.com", "IoTRule", "iot.amazonaws.com",
            "Cognito", "cognito-idp.amazonaws.com", "AlexaSkill", "alexa-appkit.amazon.com");

    private final String functionId;
    private final String condition;
    private final List<Resource> out;

    SamEventExpander(String functionId, String condition, List<Resource> out) {
        this.functionId = functionId;
        this.condition = condition;
        this.out = out;
    }

    void expand(MapNode.Entry event) {
        MapNode definition = event.value().asMap();
        String type = definition == null ? null : definition.getText("Type");
        if (type == null) {
            return;
        }
        MapNode properties = definition.getMap("Properties");
        if (properties == null) {
            properties = Nodes.map(event.keySpan());
        }
        String name = functionId + event.key();
        SourceSpan at = event.keySpan();
        if (POLLED.containsKey(type)) {
            mapping(name, at, properties, POLLED.get(type));
        } else if (PERMISSION_ONLY.containsKey(type)) {
            permission(name, at, PERMISSION_ONLY.get(type));
        } else {
            switch (type) {
                case "SNS" -> sns(name, at, properties);
                case "EventBridgeRule", "CloudWatchEvent", "Schedule" -> rule(name, at, properties,
                        type.equals("Schedule"));
                case "ScheduleV2" -> schedule(name, at, properties);
                case "CloudWatchLogs" -> logs(name, at, properties);
                default -> { }
            }
        }
    }

    private void mapping(String name, SourceSpan at, MapNode properties, String sourceKey) {
        List<MapNode.Entry> entries = new ArrayList<>();
        entries.add(new MapNode.Entry("FunctionName", at, Nodes.ref(functionId, at)));
        for (MapNode.Entry entry : properties.entries()) {
            String key = entry.key().equals(sourceKey) ? "EventSourceArn" : entry.key();
            entries.add(new MapNode.Entry(key, entry.keySpan(), entry.value()));
        }
        add(name, "AWS::Lambda::EventSourceMapping", new MapNode(entries, at), at);
    }

    private void permission(String name, SourceSpan at, String principal) {
        add(name + "Permission", "AWS::Lambda::Permission", Nodes.map(at,
                "Action", Nodes.text("lambda:InvokeFunction", at),
                "FunctionName", Nodes.ref(functionId, at),
                "Principal", Nodes.text(principal, at)), at);
    }

    private void sns(String name, SourceSpan at, MapNode properties) {
        Node sqsSubscription = properties.get("SqsSubscription");
        boolean viaQueue = sqsSubscription != null && !"false".equals(sqsSubscription.text());
        if (viaQueue) {
            add(name + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", Nodes.map(at,
                    "FunctionName", Nodes.ref(functionId, at),
                    "EventSourceArn", Nodes.getAtt(name + "Queue", "Arn", at)), at);
            return;
        }
        add(name, "AWS::SNS::Subscription", Nodes.map(at,
                "Protocol", Nodes.text("lambda", at),
                "Endpoint", Nodes.getAtt(functionId, "Arn", at),
                "TopicArn", properties.get("Topic"),
                "FilterPolicy", properties.get("FilterPolicy"),
                "RedrivePolicy", properties.get("RedrivePolicy")), at);
        permission(name, at, "sns.amazonaws.com");
    }

    private void rule(String name, SourceSpan at, MapNode properties, boolean scheduled) {
        MapNode target = Nodes.map(at,
                "Id", Nodes.text(name + "LambdaTarget", at),
                "Arn", Nodes.getAtt(functionId, "Arn", at),
                "DeadLetterConfig", properties.get("DeadLetterConfig"),
                "RetryPolicy", properties.get("RetryPolicy"));
        add(name, "AWS::Events::Rule", Nodes.map(at,
                scheduled ? "ScheduleExpression" : "EventPattern",
                properties.get(scheduled ? "Schedule" : "Pattern"),
                "EventBusName", properties.get("EventBusName"),
                "State", properties.get("State"),
                "Targets", Nodes.list(at, List.of(target))), at);
        permission(name, at, "events.amazonaws.com");
    }

    private void schedule(String name, SourceSpan at, MapNode properties) {
        add(name, "AWS::Scheduler::Schedule", Nodes.map(at,
                "ScheduleExpression", properties.get("ScheduleExpression"),
                "Target", Nodes.map(at,
                        "Arn", Nodes.getAtt(functionId, "Arn", at),
                        "DeadLetterConfig", properties.get("DeadLetterConfig"),
                        "RetryPolicy", properties.get("RetryPolicy"))), at);
    }

    private void logs(String name, SourceSpan at, MapNode properties) {
        add(name, "AWS::Logs::SubscriptionFilter", Nodes.map(at,
                "LogGroupName", properties.get("LogGroupName"),
                "FilterPattern", properties.get("FilterPattern"),
                "DestinationArn", Nodes.getAtt(functionId, "Arn", at)), at);
        permission(name, at, "logs.amazonaws.com");
    }

    private void add(String logicalId, String type, MapNode properties, SourceSpan at) {
        out.add(new Resource(logicalId, type, properties, at, condition, functionId));
    }
}
