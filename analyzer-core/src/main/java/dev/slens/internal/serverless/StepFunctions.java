package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code stepFunctions.stateMachines} as the serverless-step-functions plugin does when
 * it is listed in {@code plugins}: one {@code AWS::StepFunctions::StateMachine} per entry, named
 * by its {@code id} or {@code name}, else {@code <Name>StepFunctionsStateMachine}. A
 * {@code Fn::GetAtt} in a definition that names a function by its key under {@code functions},
 * such as {@code [buy-ticket, Arn]}, is pointed at the function's logical ID, as the plugin
 * does.
 */
final class StepFunctions {

    static final String PLUGIN = "serverless-step-functions";

    private StepFunctions() {
    }

    static void expand(ServiceModel model) {
        MapNode stepFunctions = model.root().getMap("stepFunctions");
        MapNode machines = stepFunctions == null ? null : stepFunctions.getMap("stateMachines");
        if (!model.hasPlugin(PLUGIN) || machines == null) {
            return;
        }
        for (MapNode.Entry entry : machines.entries()) {
            MapNode machine = entry.value().asMap();
            if (machine != null) {
                stateMachine(model, entry.key(), machine, entry.keySpan());
            }
        }
    }

    private static void stateMachine(ServiceModel model, String key, MapNode machine,
            SourceSpan at) {
        String custom = ServiceModel.text(machine.get("id"));
        custom = custom != null ? custom : ServiceModel.text(machine.get("name"));
        // NOTE: follows the plugin's naming as of its 3.x releases; other versions may differ.
        String id = custom != null ? Naming.function(custom)
                : Naming.function(key) + "StepFunctionsStateMachine";
        Node role = machine.get("role");
        if (role == null) {
            model.add(id + "Role", "AWS::IAM::Role", Nodes.map(at,
                    "AssumeRolePolicyDocument", Nodes.map(at,
                            "Version", Nodes.text("2012-10-17", at),
                            "Statement", Nodes.list(at, List.of(Nodes.map(at,
                                    "Effect", Nodes.text("Allow", at),
                                    "Principal", Nodes.map(at, "Service",
                                            Nodes.text("states.amazonaws.com", at)),
                                    "Action", Nodes.text("sts:AssumeRole", at)))))), at, key);
            role = Nodes.getAtt(id + "Role", "Arn", at);
        }
        MapNode tracing = machine.getMap("tracingConfig");
        MapNode logging = machine.getMap("loggingConfig");
        model.add(id, "AWS::StepFunctions::StateMachine", Nodes.map(at,
                "StateMachineName", machine.get("name"),
                "StateMachineType", machine.get("type"),
                "Definition", functionReferences(model, machine.get("definition")),
                "RoleArn", role,
                "TracingConfiguration", tracing == null ? null : Nodes.map(tracing.span(),
                        "Enabled", tracing.get("enabled")),
                "LoggingConfiguration", logging == null ? null : Nodes.map(logging.span(),
                        "Level", logging.get("level"),
                        "IncludeExecutionData", logging.get("includeExecutionData"),
                        "Destinations", destinations(logging.get("destinations")))), at, key);
    }

    /**
     * Turns the plugin's {@code destinations}, a list of log group ARNs, into CloudFormation's
     * list of {@code CloudWatchLogsLogGroup.LogGroupArn} entries.
     */
    private static Node destinations(Node destinations) {
        ListNode list = destinations == null ? null : destinations.asList();
        if (list == null) {
            return destinations;
        }
        List<Node> entries = new ArrayList<>();
        for (Node arn : list.items()) {
            entries.add(Nodes.map(arn.span(), "CloudWatchLogsLogGroup",
                    Nodes.map(arn.span(), "LogGroupArn", arn)));
        }
        return Nodes.list(list.span(), entries);
    }

    /**
     * Returns {@code node} with each {@code Fn::GetAtt} that names a function of
     * {@code functions:} by its key pointing at the function's logical ID instead.
     */
    private static Node functionReferences(ServiceModel model, Node node) {
        MapNode functions = model.root().getMap("functions");
        if (node == null || functions == null) {
            return node;
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(functionReferences(model, item)));
            return new ListNode(items, list.span());
        }
        MapNode map = node.asMap();
        if (map == null) {
            return node;
        }

        String intrinsic = node.intrinsicName();
        Node argument = intrinsic == null ? null : map.get(intrinsic);
        ListNode getAtt = "Fn::GetAtt".equals(intrinsic) && argument != null
                ? argument.asList() : null;
        String name = getAtt != null && getAtt.size() == 2 ? getAtt.get(0).text() : null;
        if (name != null && functions.has(name)) {
            String id = ServerlessExpander.functionLogicalId(name);
            return Nodes.getAtt(id, getAtt.get(1).text(), argument.span());
        }

        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : map.entries()) {
            entries.add(new MapNode.Entry(entry.key(), entry.keySpan(),
                    functionReferences(model, entry.value())));
        }
        return new MapNode(entries, map.span());
    }
}
