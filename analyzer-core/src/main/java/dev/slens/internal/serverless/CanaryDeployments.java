package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the {@code deploymentSettings} of the serverless-plugin-canary-deployments plugin,
 * when it is listed in {@code plugins}, into one {@code AWS::CodeDeploy::DeploymentGroup} per
 * function that has the key. The plugin reads a function's settings over the defaults in
 * {@code custom.deploymentSettings}, and leaves functions without the key alone. The group keeps
 * what rules read: {@code DeploymentConfigName} from {@code type} and
 * {@code AlarmConfiguration.Alarms} from {@code alarms}, on the user's lines. It is generated
 * from the function's key under {@code functions}.
 */
final class CanaryDeployments {

    static final String PLUGIN = "serverless-plugin-canary-deployments";

    private CanaryDeployments() {
    }

    static void expand(ServiceModel model) {
        MapNode functions = model.root().getMap("functions");
        if (!model.hasPlugin(PLUGIN) || functions == null) {
            return;
        }
        MapNode custom = model.root().getMap("custom");
        MapNode defaults = custom == null ? null : custom.getMap("deploymentSettings");
        for (MapNode.Entry function : functions.entries()) {
            MapNode definition = function.value().asMap();
            MapNode.Entry settings = definition == null ? null
                    : definition.entry("deploymentSettings");
            if (settings != null) {
                deploymentGroup(model, function.key(), settings, defaults);
            }
        }
    }

    private static void deploymentGroup(ServiceModel model, String function,
            MapNode.Entry settings, MapNode defaults) {
        MapNode own = settings.value().asMap();
        SourceSpan at = settings.keySpan();
        Node type = setting(own, defaults, "type");
        Node alarms = setting(own, defaults, "alarms");
        Node configName = type == null || type.text() == null ? type
                : Nodes.text("CodeDeployDefault.Lambda" + type.text(), type.span());
        // NOTE: the plugin's own logical ID for the group is not modeled, so the group is found
        // through the function it was generated from.
        model.add(Naming.lambda(function) + "DeploymentGroup", "AWS::CodeDeploy::DeploymentGroup",
                Nodes.map(at,
                        "DeploymentConfigName", configName,
                        "AlarmConfiguration", alarms == null ? null : Nodes.map(alarms.span(),
                                "Enabled", Nodes.text("true", alarms.span()),
                                "Alarms", alarmNames(alarms))),
                at, function);
    }

    /** Returns the function's setting {@code name}, else the default, else {@code null}. */
    private static Node setting(MapNode own, MapNode defaults, String name) {
        Node value = ServiceModel.value(own, name);
        return value != null ? value : ServiceModel.value(defaults, name);
    }

    /**
     * Turns the plugin's alarms into CloudFormation's list of {@code Name} entries: a string is
     * the logical ID of an alarm in the stack, a map gives the alarm's {@code name}.
     */
    private static Node alarmNames(Node alarms) {
        List<Node> names = new ArrayList<>();
        for (Node alarm : ServiceModel.items(alarms)) {
            MapNode map = alarm.asMap();
            Node name = map != null ? map.get("name")
                    : alarm.text() == null ? null : Nodes.ref(alarm.text(), alarm.span());
            if (name != null) {
                names.add(Nodes.map(alarm.span(), "Name", name));
            }
        }
        return Nodes.list(alarms.span(), names);
    }
}
