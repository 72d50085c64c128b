package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the events through which a service pushes to a function asynchronously: SNS
 * subscriptions, S3 notifications, schedules, CloudWatch Events rules, log
 * subscriptions, IoT rules and Cognito triggers, each with the permission that lets the service
 * invoke the function.
 */
final class PushEvents {

    private final ServiceModel model;
    private final String name;
    private final String normalized;

    PushEvents(ServiceModel model, String name) {
        this.model = model;
        this.name = name;
        this.normalized = Naming.function(name);
    }

    void sns(Node value, MapNode settings, SourceSpan at) {
        Node arn = settings != null ? settings.get("arn") : null;
        String topicName = settings != null ? ServiceModel.text(settings.get("topicName")) : null;
        if (settings == null && value.text() != null && value.text().startsWith("arn:")
                || value.intrinsicName() != null) {
            arn = value;
        }
        if (arn != null && topicName == null) {
            topicName = EventExpander.sourceName(arn, ":");
        }
        if (arn == null) {
            topicName = topicName != null ? topicName : value.text();
            if (topicName == null) {
                return;
            }
            String topicId = "SNSTopic" + Naming.alphaNumeric(topicName);
            model.add(topicId, "AWS::SNS::Topic", Nodes.map(at,
                    "TopicName", Nodes.text(topicName, at),
                    "DisplayName", settings == null ? null : settings.get("displayName")), at,
                    name);
            arn = Nodes.ref(topicId, at);
        }
        String topic = Naming.alphaNumeric(topicName);
        model.add(normalized + "SnsSubscription" + topic, "AWS::SNS::Subscription", Nodes.map(at,
                "TopicArn", arn,
                "Protocol", Nodes.text("lambda", at),
                "Endpoint", ServiceModel.functionArn(name, at),
                "FilterPolicy", settings == null ? null : settings.get("filterPolicy"),
                "FilterPolicyScope", settings == null ? null : settings.get("filterPolicyScope"),
                "RedrivePolicy", redrive(settings, at)), at, name);
        permission(normalized + "LambdaPermission" + topic + "SNS", "sns.amazonaws.com", arn, at);
    }

    /** Returns the subscription's RedrivePolicy from {@code redrivePolicy}, or {@code null}. */
    private static Node redrive(MapNode settings, SourceSpan at) {
        MapNode policy = settings == null ? null : settings.getMap("redrivePolicy");
        if (policy == null) {
            return null;
        }
        Node target = policy.get("deadLetterTargetArn");
        if (policy.get("deadLetterTargetRef") != null) {
            target = Nodes.getAtt(String.valueOf(policy.get("deadLetterTargetRef").text()),
                    "Arn", policy.get("deadLetterTargetRef").span());
        } else if (policy.getMap("deadLetterTargetImport") != null) {
            Node imported = policy.getMap("deadLetterTargetImport").get("arn");
            target = imported == null ? null : Nodes.map(imported.span(), "Fn::ImportValue",
                    imported);
        }
        return target == null ? null : Nodes.map(policy.span(), "deadLetterTargetArn", target);
    }

    void s3(Node value, MapNode settings, SourceSpan at) {
        Node bucketNode = settings != null ? settings.get("bucket") : value;
        String bucket = ServiceModel.text(bucketNode);
        if (bucket == null) {
            return;
        }
        String normalizedBucket = Naming.alphaNumeric(bucket);
        Node event = settings != null && settings.get("event") != null ? settings.get("event")
                : Nodes.text("s3:ObjectCreated:*", at);
        if (!ServiceModel.isTrue(settings == null ? null : settings.get("existing"))) {
            List<Node> rules = new ArrayList<>();
            for (Node rule : ServiceModel.items(settings == null ? null : settings.get("rules"))) {
                MapNode map = rule.asMap();
                if (map != null && map.size() == 1) {
                    MapNode.Entry only = map.entries().iterator().next();
                    rules.add(Nodes.map(at, "Name", Nodes.text(only.key(), at),
                            "Value", only.value()));
                }
            }
            MapNode configuration = Nodes.map(at, "Event", event,
                    "Function", ServiceModel.functionArn(name, at),
                    "Filter", rules.isEmpty() ? null : Nodes.map(at, "S3Key",
                            Nodes.map(at, "Rules", Nodes.list(at, rules))));
            model.add("S3Bucket" + normalizedBucket, "AWS::S3::Bucket", Nodes.map(at,
                    "BucketName", bucketNode,
                    "NotificationConfiguration", Nodes.map(at, "LambdaConfigurations",
                            Nodes.list(at, List.of(configuration)))), at, name);
        }
        permission(normalized + "LambdaPermission" + normalizedBucket + "S3",
                "s3.amazonaws.com", Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(
                        Nodes.text("", at), Nodes.list(at, List.of(Nodes.text("arn:", at),
                                Nodes.ref("AWS::Partition", at), Nodes.text(":s3:::", at),
                                bucketNode))))), Nodes.ref("AWS::AccountId", at), at);
    }

    void schedule(Node value, MapNode settings, SourceSpan at, int index) {
        Node rate = settings != null ? settings.get("rate") : value;
        if (rate == null) {
            return;
        }
        boolean scheduler = settings != null
                && "scheduler".equals(ServiceModel.text(settings.get("method")));
        List<Node> rates = ServiceModel.items(rate);
        for (int i = 0; i < rates.size(); i++) {
            String suffix = String.valueOf(index + i);
            Node expression = rates.get(i);
            if (scheduler) {
                model.add(normalized + "SchedulerSchedule" + suffix, "AWS::Scheduler::Schedule",
                        Nodes.map(at, "ScheduleExpression", expression,
                                "State", state(settings, at),
                                "Target", Nodes.map(at, "Arn",
                                        ServiceModel.functionArn(name, at))), at, name);
                continue;
            }
            String ruleId = normalized + "EventsRuleSchedule" + suffix;
            rule(ruleId, "ScheduleExpression", expression, settings, at, name + "Schedule");
            permission(normalized + "LambdaPermissionEventsRuleSchedule" + suffix,
                    "events.amazonaws.com", Nodes.getAtt(ruleId, "Arn", at), at);
        }
    }

    void cloudwatchEvent(MapNode settings, SourceSpan at, int index) {
        if (settings == null) {
            return;
        }
        String ruleId = normalized + "EventsRuleCloudWatchEvent" + index;
        rule(ruleId, "EventPattern", settings.get("event"), settings, at,
                name + "CloudWatchEvent");
        permission(normalized + "LambdaPermissionEventsRuleCloudWatchEvent" + index,
                "events.amazonaws.com", Nodes.getAtt(ruleId, "Arn", at), at);
    }

    private void rule(String ruleId, String key, Node value, MapNode settings, SourceSpan at,
            String targetId) {
        MapNode target = Nodes.map(at,
                "Arn", ServiceModel.functionArn(name, at),
                "Id", Nodes.text(targetId, at),
                "Input", settings == null ? null : settings.get("input"),
                "InputPath", settings == null ? null : settings.get("inputPath"));
        model.add(ruleId, "AWS::Events::Rule", Nodes.map(at,
                key, value,
                "State", state(settings, at),
                "Name", settings == null ? null : settings.get("name"),
                "Description", settings == null ? null : settings.get("description"),
                "Targets", Nodes.list(at, List.of(target))), at, name);
    }

    static Node state(MapNode settings, SourceSpan at) {
        Node enabled = settings == null ? null : settings.get("enabled");
        boolean off = enabled != null && "false".equals(enabled.text());
        return Nodes.text(off ? "DISABLED" : "ENABLED", at);
    }

    void cloudwatchLog(Node value, MapNode settings, SourceSpan at, int index) {
        Node group = settings != null ? settings.get("logGroup") : value;
        if (group == null) {
            return;
        }
        model.add(normalized + "LogsSubscriptionFilterCloudWatchLog" + index,
                "AWS::Logs::SubscriptionFilter", Nodes.map(at,
                        "DestinationArn", ServiceModel.functionArn(name, at),
                        "FilterPattern", settings != null && settings.get("filter") != null
                                ? settings.get("filter") : Nodes.text("", at),
                        "LogGroupName", group), at, name);
        if (index == 1) {
            permission(normalized + "LambdaPermissionLogsSubscriptionFilterCloudWatchLog",
                    "logs.amazonaws.com", regionalArn("logs", at, Nodes.text("log-group:", at),
                            group, Nodes.text(":*", at)), at);
        }
    }

    void iot(MapNode settings, SourceSpan at, int index) {
        if (settings == null) {
            return;
        }
        model.add(normalized + "IotTopicRule" + index, "AWS::IoT::TopicRule", Nodes.map(at,
                "RuleName", settings.get("name"),
                "TopicRulePayload", Nodes.map(at,
                        "Sql", settings.get("sql"),
                        "RuleDisabled", ServiceModel.bool("false".equals(
                                ServiceModel.text(settings.get("enabled"))), at),
                        "Actions", Nodes.list(at, List.of(Nodes.map(at, "Lambda", Nodes.map(at,
                                "FunctionArn", ServiceModel.functionArn(name, at))))))), at, name);
        Node rule = settings.get("name") != null ? settings.get("name")
                : Nodes.ref(normalized + "IotTopicRule" + index, at);
        permission(normalized + "LambdaPermissionIotTopicRule" + index, "iot.amazonaws.com",
                regionalArn("iot", at, Nodes.text("rule/", at), rule), at);
    }

    void cognito(MapNode settings, SourceSpan at) {
        if (settings == null) {
            return;
        }
        String pool = String.valueOf(ServiceModel.text(settings.get("pool")));
        String trigger = String.valueOf(ServiceModel.text(settings.get("trigger")));
        permission(normalized + "LambdaPermissionCognitoUserPool" + Naming.alphaNumeric(pool)
                + "TriggerSource" + Naming.alphaNumeric(trigger), "cognito-idp.amazonaws.com",
                Nodes.getAtt("CognitoUserPool" + Naming.alphaNumeric(pool), "Arn", at), at);
    }

    void permission(String logicalId, String principal, Node sourceArn, SourceSpan at) {
        permission(logicalId, principal, sourceArn, null, at);
    }

    /** Adds a permission for a service principal, scoped as the framework scopes it. */
    void permission(String logicalId, String principal, Node sourceArn, Node sourceAccount,
            SourceSpan at) {
        model.add(logicalId, "AWS::Lambda::Permission", Nodes.map(at,
                "FunctionName", ServiceModel.functionArn(name, at),
                "Action", Nodes.text("lambda:InvokeFunction", at),
                "Principal", Nodes.text(principal, at),
                "SourceArn", sourceArn,
                "SourceAccount", sourceAccount), at, name);
    }

    /** Returns the ARN {@code arn:<partition>:<service>:<region>:<account>:} followed by parts. */
    private static Node regionalArn(String service, SourceSpan at, Node... parts) {
        List<Node> items = new ArrayList<>(List.of(Nodes.text("arn:", at),
                Nodes.ref("AWS::Partition", at), Nodes.text(":" + service + ":", at),
                Nodes.ref("AWS::Region", at), Nodes.text(":", at),
                Nodes.ref("AWS::AccountId", at), Nodes.text(":", at)));
        items.addAll(List.of(parts));
        return Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("", at),
                Nodes.list(at, items))));
    }
}
