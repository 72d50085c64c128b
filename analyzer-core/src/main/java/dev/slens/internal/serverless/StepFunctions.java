package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Expands {@code stepFunctions.stateMachines} as the serverless-step-functions plugin does when
 * it is listed in {@code plugins}: one {@code AWS::StepFunctions::StateMachine} per entry, named
 * by its {@code id} or {@code name}, else {@code <Name>StepFunctionsStateMachine}.
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
                                    "Action", Nodes.text("sts:AssumeRole", at)))))), at, null);
            role = Nodes.getAtt(id + "Role", "Arn", at);
        }
        MapNode tracing = machine.getMap("tracingConfig");
        MapNode logging = machine.getMap("loggingConfig");
        model.add(id, "AWS::StepFunctions::StateMachine", Nodes.map(at,
                "StateMachineName", machine.get("name"),
                "StateMachineType", machine.get("type"),
                "Definition", machine.get("definition"),
                "RoleArn", role,
                "TracingConfiguration", tracing == null ? null : Nodes.map(tracing.span(),
                        "Enabled", tracing.get("enabled")),
                "LoggingConfiguration", logging == null ? null : Nodes.map(logging.span(),
                        "Level", logging.get("level"),
                        "IncludeExecutionData", logging.get("includeExecutionData"))), at, null);
    }
}
