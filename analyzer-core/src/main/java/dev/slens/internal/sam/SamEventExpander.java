package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code Events} of a SAM function into what the translator generates: permissions for
 * pushing services, subscriptions, rules and schedules that target the function, event source
 * mappings for queues and streams, and the API routes that {@code Api} and {@code HttpApi}
 * events add. Every generated resource points at the event's line. When the function has an
 * {@code AutoPublishAlias}, events target the alias, as in the translator.
 */
final class SamEventExpander {

    /** Event types that become an event source mapping, with the property naming the source. */
    private static final Map<String, String> POLLED = Map.of("SQS", "Queue", "Kinesis", "Stream",
            "DynamoDB", "Stream", "MSK", "Stream", "MQ", "Broker", "SelfManagedKafka", "",
            "DocumentDB", "Cluster");

    /** Managed policies the translator adds to the function's role for polled sources. */
    private static final Map<String, String> POLLER_POLICIES = Map.of(
            "SQS", "service-role/AWSLambdaSQSQueueExecutionRole",
            "Kinesis", "service-role/AWSLambdaKinesisExecutionRole",
            "DynamoDB", "service-role/AWSLambdaDynamoDBExecutionRole",
            "MSK", "service-role/AWSLambdaMSKExecutionRole");

    /** Event types that only add a permission for a service principal. */
    private static final Map<String, String> PERMISSION_ONLY = Map.of(
            "S3", "s3.amazonaws.com", "AlexaSkill", "alexa-appkit.amazon.com");

    private final SamContext context;
    private final String functionId;
    private final String condition;
    private final List<Resource> out;
    private final Node functionRef;
    private final Node functionArn;
    private final Set<String> pollerPolicies = new LinkedHashSet<>();
    private boolean cognitoPermission;
    /** The HTTP APIs, by logical ID or "" for the implicit one, whose default route calls us. */
    private final Set<String> defaultRouteApis = new HashSet<>();

    SamEventExpander(SamContext context, String functionId, String condition, List<Resource> out,
            String aliasId) {
        this.context = context;
        this.functionId = functionId;
        this.condition = condition;
        this.out = out;
        SourceSpan none = SourceSpan.NONE;
        this.functionRef = Nodes.ref(aliasId != null ? aliasId : functionId, none);
        this.functionArn = aliasId != null ? Nodes.ref(aliasId, none)
                : Nodes.getAtt(functionId, "Arn", none);
    }

    /**
     * Records the HTTP APIs whose {@code $default} route, for any method, calls this function:
     * one of {@code events} puts it there, or the API's inline {@code DefinitionBody} does. The
     * translator gives no permission to the function's other routes on such an API, because the
     * default route's permission covers them.
     * NOTE: a {@code DefinitionBody} that an {@code AWS::Include} transform reads from a file is
     * not searched for the default route, so those routes keep their permission in slens.
     */
    void noteDefaultRoutes(MapNode events) {
        for (MapNode.Entry event : events.entries()) {
            MapNode definition = event.value().asMap();
            if (definition == null || !"HttpApi".equals(definition.getText("Type"))) {
                continue;
            }
            MapNode properties = definition.getMap("Properties");
            String path = properties == null ? null : properties.getText("Path");
            String method = properties == null ? null : properties.getText("Method");
            boolean anyMethod = method == null || method.equalsIgnoreCase("any")
                    || method.equals("x-amazon-apigateway-any-method");
            String apiId = properties == null ? null
                    : context.referencedId(properties.get("ApiId"));
            if ((path == null || path.equals("$default")) && anyMethod
                    || writtenDefaultRoute(apiId)) {
                defaultRouteApis.add(apiId == null ? "" : apiId);
            }
        }
    }

    /** Returns whether the written HTTP API {@code apiId} sends {@code $default} to us. */
    private boolean writtenDefaultRoute(String apiId) {
        Resource api = context.written(apiId);
        if (api == null || !"AWS::Serverless::HttpApi".equals(api.type())) {
            return false;
        }
        return HttpDefaultRoute.invokes(api.properties().get("DefinitionBody"), functionId);
    }

    /** Returns the managed policy ARNs, after the AWS prefix, that polled events require. */
    Set<String> pollerPolicies() {
        return pollerPolicies;
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
        if (lacksSource(event, type, properties)) {
            return;
        }
        if (POLLED.containsKey(type)) {
            mapping(name, at, properties, POLLED.get(type));
            if (POLLER_POLICIES.containsKey(type)) {
                pollerPolicies.add(POLLER_POLICIES.get(type));
            }
        } else if (PERMISSION_ONLY.containsKey(type)) {
            permission(name + "Permission", at, PERMISSION_ONLY.get(type), null,
                    type.equals("S3") ? Nodes.ref("AWS::AccountId", at) : null);
        } else {
            switch (type) {
                case "SNS" -> sns(name, at, properties);
                case "EventBridgeRule", "CloudWatchEvent", "Schedule" -> rule(name, at, properties,
                        type.equals("Schedule"));
                case "ScheduleV2" -> schedule(name, at, properties);
                case "CloudWatchLogs" -> logs(name, at, properties);
                case "IoTRule" -> iotRule(name, at, properties);
                case "Api", "HttpApi" -> api(name, at, properties, type.equals("HttpApi"));
                case "Cognito" -> cognito(at, properties);
                default -> context.problems().unknownEventType(
                        definition.entry("Type").keySpan(), functionId, "Event '" + event.key()
                        + "' of function '" + functionId + "' has Type '" + type + "', which"
                        + " SAM does not know, so slens generated nothing for it and the SAM"
                        + " transform rejects the template. Use a type such as SQS, S3, SNS,"
                        + " Api, HttpApi, Schedule or EventBridgeRule.");
            }
        }
    }

    /**
     * Reports a polled event without the property that names its source, such as an SQS event
     * without Queue. The SAM transform rejects such an event, so nothing is generated for it.
     */
    private boolean lacksSource(MapNode.Entry event, String type, MapNode properties) {
        String sourceKey = POLLED.getOrDefault(type, "");
        if (sourceKey.isEmpty() || properties.has(sourceKey)) {
            return false;
        }
        context.problems().schema(event.keySpan(), functionId, "Event '" + event.key()
                + "' of function '" + functionId + "' has Type '" + type + "' but no '"
                + sourceKey + "' property, so slens generated no event source mapping for it"
                + " and the SAM transform rejects the template. Add '" + sourceKey
                + "' under the event's Properties.");
        return true;
    }

    private void mapping(String name, SourceSpan at, MapNode properties, String sourceKey) {
        List<MapNode.Entry> entries = new ArrayList<>();
        entries.add(new MapNode.Entry("FunctionName", at, functionRef));
        for (MapNode.Entry entry : properties.entries()) {
            String key = entry.key().equals(sourceKey) ? "EventSourceArn" : entry.key();
            entries.add(new MapNode.Entry(key, entry.keySpan(), entry.value()));
        }
        add(name, "AWS::Lambda::EventSourceMapping", new MapNode(entries, at), at);
    }

    private void permission(String logicalId, SourceSpan at, String principal, Node sourceArn) {
        permission(logicalId, at, principal, sourceArn, null);
    }

    /**
     * Adds a permission for a service principal. The translator scopes each one to its source:
     * by {@code SourceArn}, by {@code SourceAccount} alone for S3 (naming the bucket would make
     * a circular dependency), and by both for IoT rules.
     */
    private void permission(String logicalId, SourceSpan at, String principal, Node sourceArn,
            Node sourceAccount) {
        add(logicalId, "AWS::Lambda::Permission", Nodes.map(at,
                "Action", Nodes.text("lambda:InvokeFunction", at),
                "FunctionName", functionRef,
                "Principal", Nodes.text(principal, at),
                "SourceAccount", sourceAccount,
                "SourceArn", sourceArn), at);
    }

    /** Returns {@code Fn::Sub} of {@code pattern} with one variable. */
    private static Node sub(String pattern, String variable, Node value, SourceSpan at) {
        return Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(Nodes.text(pattern, at),
                Nodes.map(at, variable, value))));
    }

    private void sns(String name, SourceSpan at, MapNode properties) {
        Node sqsSubscription = properties.get("SqsSubscription");
        boolean viaQueue = sqsSubscription != null && !"false".equals(sqsSubscription.text());
        if (viaQueue) {
            add(name + "EventSourceMapping", "AWS::Lambda::EventSourceMapping", Nodes.map(at,
                    "FunctionName", functionRef,
                    "EventSourceArn", Nodes.getAtt(name + "Queue", "Arn", at)), at);
            return;
        }
        add(name, "AWS::SNS::Subscription", Nodes.map(at,
                "Protocol", Nodes.text("lambda", at),
                "Endpoint", functionArn,
                "TopicArn", properties.get("Topic"),
                "Region", properties.get("Region"),
                "FilterPolicy", properties.get("FilterPolicy"),
                "FilterPolicyScope", properties.get("FilterPolicyScope"),
                "RedrivePolicy", properties.get("RedrivePolicy")), at);
        permission(name + "Permission", at, "sns.amazonaws.com", properties.get("Topic"));
    }

    private void rule(String name, SourceSpan at, MapNode properties, boolean scheduled) {
        MapNode target = Nodes.map(at,
                "Id", properties.has("Target") ? member(properties.get("Target"), "Id")
                        : Nodes.text(name + "LambdaTarget", at),
                "Arn", functionArn,
                "Input", properties.get("Input"),
                "InputPath", properties.get("InputPath"),
                "InputTransformer", properties.get("InputTransformer"),
                "DeadLetterConfig", new SamQueueDeadLetter(name, condition, functionId, out)
                        .complete(properties.get("DeadLetterConfig"), "events.amazonaws.com"),
                "RetryPolicy", properties.get("RetryPolicy"));
        add(name, "AWS::Events::Rule", Nodes.map(at,
                scheduled ? "ScheduleExpression" : "EventPattern",
                properties.get(scheduled ? "Schedule" : "Pattern"),
                "Name", properties.get("Name"),
                "Description", properties.get("Description"),
                "EventBusName", properties.get("EventBusName"),
                "State", state(properties),
                "Targets", Nodes.list(at, List.of(target))), at);
        permission(name + "Permission", at, "events.amazonaws.com",
                Nodes.getAtt(name, "Arn", at));
    }

    /** Returns the rule's State, which a Schedule may give as {@code Enabled: false}. */
    static Node state(MapNode properties) {
        if (properties.has("State")) {
            return properties.get("State");
        }
        Node enabled = properties.get("Enabled");
        if (enabled != null && enabled.text() != null) {
            return Nodes.text("false".equalsIgnoreCase(enabled.text()) ? "DISABLED" : "ENABLED",
                    enabled.span());
        }
        return null;
    }

    private void schedule(String name, SourceSpan at, MapNode properties) {
        Node roleArn = properties.get("RoleArn");
        if (roleArn == null) {
            roleArn = Nodes.getAtt(name + "Role", "Arn", at);
            add(name + "Role", "AWS::IAM::Role", Nodes.map(at,
                    "AssumeRolePolicyDocument", SamRoleBuilder.trust("scheduler.amazonaws.com",
                            at),
                    "PermissionsBoundary", properties.get("PermissionsBoundary"),
                    "Policies", Nodes.list(at, List.of(SamRoleBuilder.inlinePolicy(
                            name + "LambdaPolicy", "lambda:InvokeFunction", functionArn, at)))),
                    at);
        }
        add(name, "AWS::Scheduler::Schedule", Nodes.map(at,
                "Name", properties.has("Name") ? properties.get("Name") : Nodes.text(name, at),
                "ScheduleExpression", properties.get("ScheduleExpression"),
                "FlexibleTimeWindow", properties.has("FlexibleTimeWindow")
                        ? properties.get("FlexibleTimeWindow")
                        : Nodes.map(at, "Mode", Nodes.text("OFF", at)),
                "State", properties.get("State"),
                "GroupName", properties.get("GroupName"),
                "Target", Nodes.map(at,
                        "Arn", functionArn,
                        "RoleArn", roleArn,
                        "Input", properties.get("Input"),
                        "DeadLetterConfig", new SamQueueDeadLetter(name, condition, functionId,
                                out).complete(properties.get("DeadLetterConfig"),
                                "scheduler.amazonaws.com"),
                        "RetryPolicy", properties.get("RetryPolicy"))), at);
    }

    private void logs(String name, SourceSpan at, MapNode properties) {
        add(name, "AWS::Logs::SubscriptionFilter", Nodes.map(at,
                "LogGroupName", properties.get("LogGroupName"),
                "FilterPattern", properties.get("FilterPattern"),
                "DestinationArn", functionArn), at);
        permission(name + "Permission", at, "logs.amazonaws.com", sub("arn:${AWS::Partition}:logs:"
                + "${AWS::Region}:${AWS::AccountId}:log-group:${Group}:*", "Group",
                properties.get("LogGroupName"), at));
    }

    private void iotRule(String name, SourceSpan at, MapNode properties) {
        add(name, "AWS::IoT::TopicRule", Nodes.map(at, "TopicRulePayload", Nodes.map(at,
                "Sql", properties.get("Sql"),
                "AwsIotSqlVersion", properties.get("AwsIotSqlVersion"),
                "RuleDisabled", new ScalarNode("false", ScalarNode.Kind.BOOLEAN, at),
                "Actions", Nodes.list(at, List.of(Nodes.map(at, "Lambda",
                        Nodes.map(at, "FunctionArn", functionArn)))))), at);
        permission(name + "Permission", at, "iot.amazonaws.com", sub("arn:${AWS::Partition}:iot:"
                + "${AWS::Region}:${AWS::AccountId}:rule/${RuleName}", "RuleName",
                Nodes.ref(name, at), at), Nodes.ref("AWS::AccountId", at));
    }

    /** Adds one permission for every Cognito event, as the translator does. */
    private void cognito(SourceSpan at, MapNode properties) {
        if (cognitoPermission) {
            return;
        }
        cognitoPermission = true;
        String pool = context.referencedId(properties.get("UserPool"));
        permission(functionId + "CognitoPermission", at, "cognito-idp.amazonaws.com",
                pool == null ? null : Nodes.getAtt(pool, "Arn", at));
    }

    private void api(String name, SourceSpan at, MapNode properties, boolean http) {
        Node apiNode = properties.get(http ? "ApiId" : "RestApiId");
        String apiId = context.referencedId(apiNode);
        String path = properties.getText("Path");
        String method = properties.getText("Method");
        method = method == null ? (http ? "any" : null)
                : method.toLowerCase(java.util.Locale.ROOT);
        if (method != null && method.equals("x-amazon-apigateway-any-method")) {
            method = "any";
        }
        Node integration = ApiDefinitions.lambdaIntegration(functionArn, http, at);
        context.addRoute(new ApiRoute(apiId, http, path, method, integration, properties, at));

        String suffix = "";
        if (!http) {
            suffix = "Prod";
            Resource api = context.written(apiId);
            if (api != null) {
                // The translator uses the stage name only when it is written as text.
                Node stage = api.properties().get("StageName");
                suffix = stage != null && stage.text() != null
                        ? stage.text().replaceAll("[^A-Za-z0-9]", "") : "Stage";
            }
        }
        boolean defaultRoute = path == null || path.equals("$default");
        if (http && !defaultRoute && defaultRouteApis.contains(apiId == null ? "" : apiId)) {
            return;
        }
        String implicitApi = http ? SamApiExpander.IMPLICIT_HTTP : SamApiExpander.IMPLICIT_REST;
        String apiRef = apiId != null ? apiId : implicitApi;
        permission(name + "Permission" + suffix, at, "apigateway.amazonaws.com",
                ApiDefinitions.executeArn(apiRef, http, path, method, at));
    }

    private static Node member(Node block, String key) {
        return SamFunctionExpander.member(block, key);
    }

    private void add(String logicalId, String type, MapNode properties, SourceSpan at) {
        out.add(new Resource(logicalId, type, properties, at, condition, functionId));
    }
}
