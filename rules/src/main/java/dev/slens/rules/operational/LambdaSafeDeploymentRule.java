package dev.slens.rules.operational;

import dev.slens.index.ApiIntegration;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1074",
        name = "LambdaSafeDeployment",
        summary = "API functions shift traffic gradually with alarms to roll back on",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/serverless-application-model/latest/"
                + "developerguide/automating-updates-to-serverless-apps.html",
        tags = {"lambda", "deployment", "sam"})
public final class LambdaSafeDeploymentRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        MapNode globals = context.template().section("Globals").getMap("Function");
        for (Resource function : context.index().functions()) {
            MapNode written = context.template().resourceDefinitions()
                    .getMap(function.logicalId());
            if (written == null || !"AWS::Serverless::Function".equals(written.getText("Type"))) {
                continue;
            }
            List<ApiIntegration> apis = context.index().apiIntegrations(function.logicalId());
            if (apis.isEmpty()) {
                continue;
            }
            MapNode properties = written.getMap("Properties");
            String problem = problem(context, setting(properties, globals, "AutoPublishAlias"),
                    setting(properties, globals, "DeploymentPreference"));
            if (problem != null) {
                findings.add(context.finding(Severity.INFO, function.span(),
                        function.logicalId(), "Function '" + function.logicalId()
                                + "' serves the " + apis.get(0).kind().label() + " but " + problem
                                + ", so a faulty release reaches every caller at once; set"
                                + " AutoPublishAlias and a DeploymentPreference of type Canary*"
                                + " or Linear* with Alarms.",
                        List.of(new Finding.Related(apis.get(0).span(), "The API that calls"
                                + " the function."))));
            }
        }
        return findings;
    }

    /** Returns what is missing for a gradual deployment with rollback, or {@code null}. */
    private static String problem(RuleContext context, Node alias, Node preference) {
        if (alias == null) {
            return "sets no AutoPublishAlias";
        }
        MapNode map = preference == null ? null : preference.asMap();
        if (map == null) {
            return "sets no DeploymentPreference";
        }
        String enabled = context.evaluator().exactText(map.get("Enabled"));
        if ("false".equalsIgnoreCase(enabled) || map.get("Enabled") != null
                && "false".equalsIgnoreCase(map.get("Enabled").text())) {
            return "disables its DeploymentPreference";
        }
        String type = context.evaluator().exactText(map.get("Type"));
        if (type != null && type.startsWith("AllAtOnce")) {
            return "deploys with DeploymentPreference type '" + type + "'";
        }
        Node alarms = map.get("Alarms");
        if (alarms == null || context.evaluator().elements(alarms).isEmpty()) {
            return "lists no DeploymentPreference.Alarms to roll back on";
        }
        return null;
    }

    /** Returns a function property, else the one in Globals.Function, else {@code null}. */
    private static Node setting(MapNode properties, MapNode globals, String name) {
        Node own = properties == null ? null : properties.get(name);
        return own != null || globals == null ? own : globals.get(name);
    }
}
