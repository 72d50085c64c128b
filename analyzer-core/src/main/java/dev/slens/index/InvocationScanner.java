package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** Finds the resources that make a function be called, and how each calls it. */
final class InvocationScanner {

    /** A pseudo parameter as the Evaluator renders it, such as {@code {{AWS::Region}}}. */
    private static final Pattern PSEUDO_PARAMETER = Pattern.compile("\\{\\{(AWS::\\w+)\\}\\}");

    private final Template template;
    private final Evaluator evaluator;
    private final FunctionResolver functions;
    private final BiConsumer<String, Invocation> sink;

    InvocationScanner(Template template, Evaluator evaluator, FunctionResolver functions,
            BiConsumer<String, Invocation> sink) {
        this.template = template;
        this.evaluator = evaluator;
        this.functions = functions;
        this.sink = sink;
    }

    void scan() {
        for (Resource resource : template.resources().values()) {
            switch (resource.type()) {
                case "AWS::Lambda::Permission" -> permission(resource);
                case "AWS::Lambda::EventSourceMapping" -> add(resource.property("FunctionName"),
                        Invocation.Mode.POLLING, "event source mapping", resource);
                case "AWS::SNS::Subscription" -> snsSubscription(resource.properties(), resource);
                case "AWS::SNS::Topic" -> snsTopic(resource);
                case "AWS::Events::Rule" -> eachTarget(resource.property("Targets"), "Arn",
                        "events.amazonaws.com", resource);
                case "AWS::Scheduler::Schedule" -> scheduleTarget(resource);
                case "AWS::Logs::SubscriptionFilter" -> add(resource.property("DestinationArn"),
                        Invocation.Mode.ASYNCHRONOUS, "logs.amazonaws.com", resource);
                case "AWS::S3::Bucket" -> bucket(resource);
                // The Serverless Framework's custom resource that creates an EventBridge rule
                // targeting the function named in FunctionName, before framework v3.
                case "Custom::EventBridge" -> add(resource.property("FunctionName"),
                        Invocation.Mode.ASYNCHRONOUS, "events.amazonaws.com", resource);
                default -> { }
            }
        }
    }

    private void permission(Resource permission) {
        String principal = evaluator.exactText(permission.property("Principal"));
        if (principal == null) {
            principal = renderedPrincipal(permission.property("Principal"));
        }
        if (principal == null) {
            return;
        }
        // AWS::URLSuffix is amazonaws.com in every partition but China's, whose services are
        // asynchronous callers all the same.
        String service = principal.replace("{{AWS::URLSuffix}}", "amazonaws.com");
        Invocation.Mode mode = TemplateIndex.isAsyncPrincipal(service)
                ? Invocation.Mode.ASYNCHRONOUS : Invocation.Mode.SYNCHRONOUS;
        String written = PSEUDO_PARAMETER.matcher(principal).replaceAll("\\${$1}");
        add(permission.property("FunctionName"), mode, written, permission);
    }

    /** Returns a principal such as {@code logs.{{AWS::Region}}.amazonaws.com}, or {@code null}. */
    private String renderedPrincipal(Node principal) {
        if (principal == null) {
            return null;
        }
        for (Alternative alternative : evaluator.alternatives(principal)) {
            if (alternative.value() instanceof Value.Text text) {
                return text.text();
            }
        }
        return null;
    }

    private void snsSubscription(MapNode properties, Resource via) {
        String protocol = evaluator.exactText(properties.get("Protocol"));
        if ("lambda".equalsIgnoreCase(protocol)) {
            add(properties.get("Endpoint"), Invocation.Mode.ASYNCHRONOUS, "sns.amazonaws.com", via);
        }
    }

    private void snsTopic(Resource topic) {
        for (Alternative item : evaluator.elements(orNull(topic.property("Subscription")))) {
            if (item.value() instanceof Value.Structure structure
                    && structure.node().asMap() != null) {
                snsSubscription(structure.node().asMap(), topic);
            }
        }
    }

    private void eachTarget(Node targets, String arnKey, String source, Resource via) {
        for (Alternative item : evaluator.elements(orNull(targets))) {
            if (item.value() instanceof Value.Structure structure
                    && structure.node().asMap() != null) {
                add(structure.node().asMap().get(arnKey), Invocation.Mode.ASYNCHRONOUS, source,
                        via);
            }
        }
    }

    private void scheduleTarget(Resource schedule) {
        Node target = schedule.property("Target");
        if (target != null && target.asMap() != null) {
            add(target.asMap().get("Arn"), Invocation.Mode.ASYNCHRONOUS,
                    "scheduler.amazonaws.com", schedule);
        }
    }

    private void bucket(Resource bucket) {
        Node notifications = bucket.property("NotificationConfiguration");
        if (notifications != null && notifications.asMap() != null) {
            for (Alternative item : evaluator.elements(
                    orNull(notifications.asMap().get("LambdaConfigurations")))) {
                if (item.value() instanceof Value.Structure structure
                        && structure.node().asMap() != null) {
                    add(structure.node().asMap().get("Function"), Invocation.Mode.ASYNCHRONOUS,
                            "s3.amazonaws.com", bucket);
                }
            }
        }
    }

    private void add(Node reference, Invocation.Mode mode, String source, Resource via) {
        String function = functions.resolve(reference);
        if (function != null) {
            sink.accept(function, new Invocation(mode, source, via));
        }
    }

    private static Node orNull(Node node) {
        return node == null
                ? new dev.slens.model.ListNode(java.util.List.of(), dev.slens.model.SourceSpan.NONE)
                : node;
    }
}
