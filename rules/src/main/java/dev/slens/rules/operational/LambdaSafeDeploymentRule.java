package dev.slens.rules.operational;

import dev.slens.index.ApiIntegration;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.TemplateFormat;
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
        resourceTypes = {"AWS::Serverless::Function", "AWS::Lambda::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/serverless-application-model/latest/"
                + "developerguide/automating-updates-to-serverless-apps.html",
        tags = {"lambda", "deployment", "sam"})
public final class LambdaSafeDeploymentRule implements Rule {

    private static final String PLUGIN = "serverless-plugin-canary-deployments";
    private static final String DEPLOYMENT_GROUP = "AWS::CodeDeploy::DeploymentGroup";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        MapNode globals = context.template().section("Globals").getMap("Function");
        boolean serverless = context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK;
        for (Resource function : context.index().functions()) {
            List<ApiIntegration> apis = context.index().apiIntegrations(function.logicalId());
            if (apis.isEmpty()) {
                continue;
            }
            String problem;
            String advice;
            if (serverless) {
                problem = serverlessProblem(context, function);
                advice = "add deploymentSettings with a type of Canary* or Linear*, an alias and"
                        + " alarms, and list " + PLUGIN + " under plugins.";
            } else {
                MapNode written = context.template().resourceDefinitions()
                        .getMap(function.logicalId());
                String type = written == null ? null : written.getText("Type");
                if ("AWS::Lambda::Function".equals(type)) {
                    problem = cloudFormationProblem(context, function);
                    advice = "add an AWS::Lambda::Alias with"
                            + " UpdatePolicy.CodeDeployLambdaAliasUpdate naming a deployment"
                            + " group of type Canary* or Linear* with alarms.";
                    report(context, function, apis, problem, advice, findings);
                    continue;
                }
                if (!"AWS::Serverless::Function".equals(type)) {
                    continue;
                }
                MapNode properties = written.getMap("Properties");
                problem = problem(context, setting(properties, globals, "AutoPublishAlias"),
                        setting(properties, globals, "DeploymentPreference"));
                advice = "set AutoPublishAlias and a DeploymentPreference of type Canary* or"
                        + " Linear* with Alarms.";
            }
            report(context, function, apis, problem, advice, findings);
        }
        return findings;
    }

    private static void report(RuleContext context, Resource function, List<ApiIntegration> apis,
            String problem, String advice, List<Finding> findings) {
        if (problem == null) {
            return;
        }
        String name = function.generatedFrom() != null ? function.generatedFrom()
                : function.logicalId();
        findings.add(context.finding(Severity.INFO, function.span(), function.logicalId(),
                "Function '" + name + "' serves the " + apis.get(0).kind().label() + " but "
                        + problem + ", so a faulty release reaches every caller at once; "
                        + advice, List.of(new Finding.Related(apis.get(0).span(),
                        "The API that calls the function."))));
    }

    /**
     * Returns what is missing for a gradual deployment of a serverless.yml function, read from
     * the CodeDeploy deployment group that slens generates from the function's
     * {@code deploymentSettings}, or {@code null}.
     */
    private static String serverlessProblem(RuleContext context, Resource function) {
        Resource group = context.template().resourcesOfType(DEPLOYMENT_GROUP).stream()
                .filter(candidate -> candidate.generatedFrom() != null
                        && candidate.generatedFrom().equals(function.generatedFrom()))
                .findFirst().orElse(null);
        if (group == null) {
            return "has no deploymentSettings applied by the " + PLUGIN + " plugin";
        }
        Node config = group.property("DeploymentConfigName");
        String type = context.evaluator().exactText(config);
        if (config == null) {
            return "sets no deploymentSettings.type";
        }
        if (type != null && type.contains("AllAtOnce")) {
            return "deploys with deploymentSettings type 'AllAtOnce'";
        }
        Node alarmSetting = group.property("AlarmConfiguration");
        MapNode alarmConfiguration = alarmSetting == null ? null : alarmSetting.asMap();
        Node alarms = alarmConfiguration == null ? null : alarmConfiguration.get("Alarms");
        if (alarms == null || context.evaluator().elements(alarms).isEmpty()) {
            return "lists no deploymentSettings.alarms to roll back on";
        }
        return null;
    }

    /**
     * Returns what is missing for a gradual deployment of a function written in CloudFormation,
     * or {@code null}. An alias of the function whose UpdatePolicy has a
     * CodeDeployLambdaAliasUpdate shifts traffic through CodeDeploy. When that update names a
     * deployment group of the template, its configuration and alarms are checked too.
     */
    private static String cloudFormationProblem(RuleContext context, Resource function) {
        boolean aliased = false;
        for (Resource alias : context.template().resourcesOfType("AWS::Lambda::Alias")) {
            Node policy = alias.attribute("UpdatePolicy");
            MapNode update = policy == null || policy.asMap() == null ? null
                    : policy.asMap().getMap("CodeDeployLambdaAliasUpdate");
            if (update == null || !function.logicalId().equals(
                    context.index().functionFor(alias.property("FunctionName")))) {
                continue;
            }
            aliased = true;
            String problem = groupProblem(context, context.template().resource(
                    context.evaluator().referencedResource(update.get("DeploymentGroupName"))));
            if (problem == null) {
                return null;
            }
            return "its alias '" + alias.logicalId() + "' " + problem;
        }
        return aliased ? null : "has no AWS::Lambda::Alias with"
                + " UpdatePolicy.CodeDeployLambdaAliasUpdate";
    }

    /**
     * Returns what the deployment group {@code group} lacks for a gradual deployment with
     * rollback, or {@code null}, also when the group is not in the template.
     */
    private static String groupProblem(RuleContext context, Resource group) {
        if (group == null || !DEPLOYMENT_GROUP.equals(group.type())) {
            return null;
        }
        String type = context.evaluator().exactText(group.property("DeploymentConfigName"));
        if (type != null && type.contains("AllAtOnce")) {
            return "deploys with DeploymentConfigName '" + type + "'";
        }
        Node alarmSetting = group.property("AlarmConfiguration");
        MapNode alarmConfiguration = alarmSetting == null ? null : alarmSetting.asMap();
        Node alarms = alarmConfiguration == null ? null : alarmConfiguration.get("Alarms");
        if (alarms == null || context.evaluator().elements(alarms).isEmpty()) {
            return "uses deployment group '" + group.logicalId() + "', which lists no"
                    + " AlarmConfiguration.Alarms to roll back on";
        }
        return null;
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
