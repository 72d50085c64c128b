package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the {@code eventBridge} events of one function as the framework's
 * {@code AwsCompileEventBridgeEvents} does. With native CloudFormation the event becomes
 * {@code <RuleName>EventBridgeRule}, named after the deployed function and the event's number,
 * with the permission {@code <Function>EventBridgeLambdaPermission<N>} and, for a bus given by
 * name, the bus {@code <Bus>EventBridgeEventBus}. Without it the event becomes the custom
 * resource {@code <Function>CustomEventBridge<N>} of type {@code Custom::EventBridge}, which
 * the framework's own handler function turns into a rule at deployment. The framework uses the
 * custom resource when {@code provider.eventBridge} is set without
 * {@code useCloudFormation: true} (v3), or when {@code frameworkVersion} is below 3 and
 * {@code useCloudFormation} is not true.
 */
final class EventBridgeEvents {

    /** The logical ID of the framework's function that creates rules for custom resources. */
    static final String HANDLER = "CustomDashresourceDasheventDashbridgeLambdaFunction";
    /** The maximum length of an EventBridge rule name and target ID. */
    private static final int MAX_NAME = 64;
    /** The first number of {@code frameworkVersion}, such as 2 in {@code '^2.50.0'}. */
    private static final Pattern MAJOR = Pattern.compile("(\\d{1,9})");

    private final ServiceModel model;
    private final PushEvents push;
    private final String name;
    private final String deployedName;
    private final ServerlessProblems problems;

    EventBridgeEvents(ServiceModel model, PushEvents push, String name, String deployedName,
            ServerlessProblems problems) {
        this.model = model;
        this.push = push;
        this.name = name;
        this.deployedName = deployedName;
        this.problems = problems;
    }

    /** Expands the event numbered {@code index} among the function's events, from 1. */
    void expand(MapNode settings, SourceSpan at, int index) {
        if (settings == null) {
            return;
        }
        String ruleName = ServiceModel.text(settings.get("name"));
        if (ruleName == null) {
            ruleName = hashed(deployedName + "-rule-" + index, "rule-" + index);
        }
        if (usesCustomResource(model)) {
            customResource(settings, at, index, ruleName);
        } else {
            cloudFormation(settings, at, index, ruleName);
        }
    }

    /** Returns whether the service deploys eventBridge events through custom resources. */
    static boolean usesCustomResource(ServiceModel model) {
        Node option = model.provider().get("eventBridge");
        if (ServiceModel.isTrue(ServiceModel.value(model.provider(), "eventBridge",
                "useCloudFormation"))) {
            return false;
        }
        if (option != null && !ServiceModel.isNull(option)) {
            return true;
        }
        String version = ServiceModel.text(model.root().get("frameworkVersion"));
        Matcher major = version == null ? null : MAJOR.matcher(version);
        return major != null && major.find() && Integer.parseInt(major.group(1)) < 3;
    }

    private void cloudFormation(MapNode settings, SourceSpan at, int index, String ruleName) {
        String ruleId = Naming.alphaNumeric(deployedName + "-rule-" + index) + "EventBridgeRule";
        Node bus = settings.get("eventBus");
        String busName = ServiceModel.text(bus);
        if (busName != null && busName.startsWith("arn")) {
            busName = busName.substring(busName.indexOf('/') + 1);
        } else if (busName != null && !busName.equals("default")) {
            model.add(Naming.function(busName) + "EventBridgeEventBus", "AWS::Events::EventBus",
                    Nodes.map(bus.span(), "Name", bus), bus.span(), name);
        }
        Node busProperty = "default".equals(busName) ? null
                : busName != null ? Nodes.text(busName, bus.span()) : bus;
        boolean scheduled = settings.get("schedule") != null;
        MapNode target = Nodes.map(at,
                "Arn", ServiceModel.functionArn(name, at),
                "Id", Nodes.text(hashed(ruleName + "-target", "target"), at),
                "Input", settings.get("input"),
                "InputPath", settings.get("inputPath"),
                "RetryPolicy", retryPolicy(settings.getMap("retryPolicy"), at),
                "DeadLetterConfig", settings.get("deadLetterQueueArn") == null ? null
                        : Nodes.map(at, "Arn", settings.get("deadLetterQueueArn")));
        model.add(ruleId, "AWS::Events::Rule", Nodes.map(at,
                "Name", Nodes.text(ruleName, at),
                "Description", settings.get("description"),
                "EventBusName", busProperty,
                scheduled ? "ScheduleExpression" : "EventPattern",
                settings.get(scheduled ? "schedule" : "pattern"),
                "State", PushEvents.state(settings, at),
                "Targets", Nodes.list(at, List.of(target))), at, name);
        push.permission(Naming.function(name) + "EventBridgeLambdaPermission" + index,
                "events.amazonaws.com", Nodes.getAtt(ruleId, "Arn", at), at);
    }

    private void customResource(MapNode settings, SourceSpan at, int index, String ruleName) {
        for (String key : List.of("retryPolicy", "deadLetterQueueArn")) {
            MapNode.Entry unsupported = settings.entry(key);
            if (unsupported != null) {
                problems.add(EngineChecks.UNSUPPORTED, unsupported.keySpan(), "The eventBridge"
                        + " event of function '" + name + "' sets '" + key + "', which the"
                        + " framework rejects for events deployed through a custom resource."
                        + " Set provider.eventBridge.useCloudFormation to true.");
            }
        }
        MapNode config = Nodes.map(at,
                "RuleName", Nodes.text(ruleName, at),
                "State", PushEvents.state(settings, at),
                "EventBus", settings.get("eventBus"),
                "Schedule", settings.get("schedule"),
                "Pattern", settings.get("pattern"),
                "Input", settings.get("input"),
                "InputPath", settings.get("inputPath"),
                "InputTransformer", settings.get("inputTransformer"));
        // The handler function and its role are the framework's own code, so they are not
        // expanded. The index reads the target function from FunctionName.
        model.add(Naming.function(name) + "CustomEventBridge" + index, "Custom::EventBridge",
                Nodes.map(at,
                        "ServiceToken", Nodes.getAtt(HANDLER, "Arn", at),
                        "FunctionName", Nodes.text(deployedName, at),
                        "EventBridgeConfig", config), at, name);
    }

    private static Node retryPolicy(MapNode policy, SourceSpan at) {
        if (policy == null) {
            return null;
        }
        return Nodes.map(at, "MaximumEventAgeInSeconds", policy.get("maximumEventAge"),
                "MaximumRetryAttempts", policy.get("maximumRetryAttempts"));
    }

    /**
     * Returns {@code name}, or when it is longer than EventBridge accepts, its first characters,
     * its MD5 digest in hex and {@code suffix}, as the framework shortens rule names and
     * target IDs.
     */
    static String hashed(String name, String suffix) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("MD5")
                    .digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, 31 - suffix.length()) + HexFormat.of().formatHex(digest)
                    + "-" + suffix;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }
}
