package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.EventSource;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL9033",
        name = "MissingAlarm",
        summary = "Functions, dead-letter queues, streams, APIs and workflows have alarms",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::SQS::Queue",
                "AWS::Lambda::EventSourceMapping", "AWS::ApiGateway::RestApi",
                "AWS::ApiGatewayV2::Api", "AWS::StepFunctions::StateMachine",
                "AWS::CloudWatch::Alarm"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/wellarchitected/latest/serverless-applications-"
                + "lens/operational-excellence.html",
        tags = {"cloudwatch", "alarms", "observability"},
        parameters = @RuleParameter(name = "templatesWithoutAlarms", defaultValue = "false",
                description = "Whether to check templates that define no alarm at all ('true'"
                        + " or 'false'); such templates usually keep their alarms elsewhere."))
public final class MissingAlarmRule implements Rule {

    /** The resource in a placeholder the Evaluator writes for Ref, GetAtt or a Sub variable. */
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{(?:ref|getatt):([^.}]+)");

    /** Properties whose value names where failed events go. */
    private static final Set<String> FAILURE_KEYS = Set.of("deadLetterTargetArn",
            "DeadLetterConfig", "OnFailure", "DeadLetterQueue");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Resource> alarms = context.template().resourcesOfType("AWS::CloudWatch::Alarm");
        if (alarms.isEmpty()
                && !Boolean.parseBoolean(context.parameter("templatesWithoutAlarms").strip())) {
            return List.of();
        }
        Watched watched = new Watched();
        alarms.forEach(alarm -> watched.read(context, alarm));

        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            String name = functionName(context, function);
            report(context, watched, function, "function", "Errors, Throttles and Duration"
                    + " near its timeout (namespace AWS/Lambda, dimension FunctionName)"
                    + logicalIdHint(name, function.logicalId()), findings);
        }
        for (Resource queue : deadLetterQueues(context)) {
            report(context, watched, queue, "dead-letter queue",
                    "ApproximateNumberOfMessagesVisible above 0 (namespace AWS/SQS, dimension"
                            + " QueueName)", findings);
        }
        for (Resource mapping
                : context.template().resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            EventSource source = context.index().eventSource(mapping);
            String function = context.index().functionFor(mapping.property("FunctionName"));
            if (source.isStream() && function != null
                    && !watched.metric(function, "IteratorAge")) {
                Resource target = context.template().resources().get(function);
                String name = target == null ? function : functionName(context, target);
                findings.add(context.finding(mapping.span(), mapping.logicalId(),
                        "Stream mapping '" + mapping.logicalId() + "' has no alarm in this"
                                + " template, so a consumer that falls behind goes unnoticed"
                                + " until records expire; add an AWS::CloudWatch::Alarm on"
                                + " IteratorAge of function '" + name + "' (namespace"
                                + " AWS/Lambda, dimension FunctionName)"
                                + logicalIdHint(name, function) + "."));
            }
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            report(context, watched, api, "REST API", "5XXError and Latency (namespace"
                    + " AWS/ApiGateway, dimensions ApiName and Stage)", findings);
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGatewayV2::Api")) {
            report(context, watched, api, "API", "5xx and Latency (namespace AWS/ApiGateway,"
                    + " dimension ApiId)", findings);
        }
        for (Resource machine
                : context.template().resourcesOfType("AWS::StepFunctions::StateMachine")) {
            report(context, watched, machine, "state machine", "ExecutionsFailed and"
                    + " ExecutionsTimedOut (namespace AWS/States, dimension StateMachineArn)",
                    findings);
        }
        return findings;
    }

    private static void report(RuleContext context, Watched watched, Resource resource,
            String kind, String metrics, List<Finding> findings) {
        if (watched.any(context, resource)) {
            return;
        }
        String name = kind.equals("function") ? functionName(context, resource)
                : resource.logicalId();
        findings.add(context.finding(resource.span(), resource.logicalId(),
                Character.toUpperCase(kind.charAt(0)) + kind.substring(1) + " '"
                        + name + "' has no alarm in this template, so nobody is"
                        + " told when it fails; add an AWS::CloudWatch::Alarm with actions on "
                        + metrics + "."));
    }

    /**
     * Returns the name that messages give {@code function}: the key under {@code functions} for
     * a function generated from serverless.yml, as SL1074 and SL1077 name it, else its
     * logical ID.
     */
    private static String functionName(RuleContext context, Resource function) {
        if (function.generatedFrom() == null || function.isServiceWide()) {
            return function.logicalId();
        }
        return context.fix(function.logicalId(), function.logicalId(), function.generatedFrom());
    }

    /**
     * Returns the clause that gives the logical ID an alarm's dimension refers to, when
     * messages name the function by another name.
     */
    private static String logicalIdHint(String name, String logicalId) {
        return name.equals(logicalId) ? ""
                : " under resources.Resources, with the dimension value !Ref " + logicalId;
    }

    /** Returns the queues that a redrive policy, dead-letter or on-failure setting names. */
    private static List<Resource> deadLetterQueues(RuleContext context) {
        Set<String> targets = new HashSet<>();
        for (Resource resource : context.template().resources().values()) {
            collectTargets(context, resource.properties(), false, targets);
        }
        return context.template().resourcesOfType("AWS::SQS::Queue").stream()
                .filter(queue -> targets.contains(queue.logicalId())).toList();
    }

    private static void collectTargets(RuleContext context, Node node, boolean inside,
            Set<String> targets) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                collectTargets(context, entry.value(),
                        inside || FAILURE_KEYS.contains(entry.key()), targets);
            }
        } else if (node instanceof ListNode list) {
            list.items().forEach(item -> collectTargets(context, item, inside, targets));
        }
        if (inside && node.intrinsicName() != null || inside && node.text() != null) {
            for (Alternative alternative : context.evaluator().alternatives(node)) {
                if (alternative.value() instanceof Value.Text text) {
                    Matcher reference = REFERENCE.matcher(text.text());
                    while (reference.find()) {
                        targets.add(reference.group(1));
                    }
                }
            }
        }
    }

    /** The resources and metrics that the template's alarms watch. */
    private static final class Watched {
        /** Each alarm's metric name and the dimension values it names. */
        private final List<Watch> watches = new ArrayList<>();

        private record Watch(String metric, Set<String> resources, Set<String> names) { }

        void read(RuleContext context, Resource alarm) {
            readMetric(context, alarm.properties());
            Node metrics = alarm.property("Metrics");
            if (metrics == null) {
                return;
            }
            for (Alternative query : context.evaluator().elements(metrics)) {
                MapNode stat = query.node().asMap() == null ? null
                        : query.node().asMap().getMap("MetricStat");
                MapNode metric = stat == null ? null : stat.getMap("Metric");
                if (metric != null) {
                    readMetric(context, metric);
                }
            }
        }

        private void readMetric(RuleContext context, MapNode metric) {
            String name = context.evaluator().exactText(metric.get("MetricName"));
            Set<String> resources = new HashSet<>();
            Set<String> names = new HashSet<>();
            Node dimensions = metric.get("Dimensions");
            List<Alternative> pairs = dimensions == null ? List.of()
                    : context.evaluator().elements(dimensions);
            for (Alternative dimension : pairs) {
                MapNode pair = dimension.node().asMap();
                Node value = pair == null ? null : pair.get("Value");
                if (value == null) {
                    continue;
                }
                for (Alternative text : context.evaluator().alternatives(value)) {
                    if (text.value() instanceof Value.Text string) {
                        Matcher reference = REFERENCE.matcher(string.text());
                        while (reference.find()) {
                            resources.add(reference.group(1));
                        }
                        if (string.exact()) {
                            names.add(string.text());
                        }
                    }
                }
            }
            if (name != null || !resources.isEmpty() || !names.isEmpty()) {
                watches.add(new Watch(name, resources, names));
            }
        }

        /** Returns whether some alarm names the resource by reference or by its exact name. */
        boolean any(RuleContext context, Resource resource) {
            Set<String> names = new HashSet<>();
            for (String property : List.of("FunctionName", "QueueName", "Name",
                    "StateMachineName")) {
                String text = context.evaluator().exactText(resource.property(property));
                if (text != null) {
                    names.add(text);
                }
            }
            return watches.stream().anyMatch(w -> w.resources().contains(resource.logicalId())
                    || w.names().stream().anyMatch(names::contains));
        }

        /** Returns whether an alarm watches {@code metric} of the resource {@code logicalId}. */
        boolean metric(String logicalId, String metric) {
            return watches.stream().anyMatch(w -> metric.equals(w.metric())
                    && w.resources().contains(logicalId));
        }
    }
}
