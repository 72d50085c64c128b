package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.ApiStages;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL2011",
        name = "ApiGatewayDataTrace",
        summary = "API Gateway stages do not log full request and response data",
        severity = Severity.WARNING,
        securitySeverity = "5.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment",
            "AWS::ApiGatewayV2::Stage"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "set-up-logging.html",
        tags = {"security", "api-gateway", "logging", "privacy"})
public final class ApiGatewayDataTraceRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource stage : context.template().resourcesOfType("AWS::ApiGateway::Stage")) {
            methodSettings(context, stage, stage.property("MethodSettings"), "MethodSettings",
                    findings);
        }
        for (Resource deployment
                : context.template().resourcesOfType("AWS::ApiGateway::Deployment")) {
            MapNode description = asMap(deployment.property("StageDescription"));
            if (description != null) {
                report(context, deployment, description.get("DataTraceEnabled"),
                        "StageDescription.DataTraceEnabled", findings);
                methodSettings(context, deployment, description.get("MethodSettings"),
                        "StageDescription.MethodSettings", findings);
            }
        }
        for (Resource stage : context.template().resourcesOfType("AWS::ApiGatewayV2::Stage")) {
            MapNode defaults = asMap(stage.property("DefaultRouteSettings"));
            if (defaults != null) {
                report(context, stage, defaults.get("DataTraceEnabled"),
                        "DefaultRouteSettings.DataTraceEnabled", findings);
            }
            MapNode routes = asMap(stage.property("RouteSettings"));
            for (MapNode.Entry route : routes == null ? List.<MapNode.Entry>of()
                    : routes.entries()) {
                MapNode settings = asMap(route.value());
                report(context, stage, settings == null ? null : settings.get("DataTraceEnabled"),
                        "RouteSettings." + route.key() + ".DataTraceEnabled", findings);
            }
        }
        return findings;
    }

    private static void methodSettings(RuleContext context, Resource resource, Node settings,
            String property, List<Finding> findings) {
        if (settings == null) {
            return;
        }
        for (Alternative item : context.evaluator().elements(settings)) {
            MapNode map = asMap(item.node());
            if (map != null) {
                report(context, resource, map.get("DataTraceEnabled"),
                        property + ".DataTraceEnabled", findings);
            }
        }
    }

    private static void report(RuleContext context, Resource resource, Node value,
            String property, List<Finding> findings) {
        String template = "set it to 'false' and log the fields you need in the access log.";
        String serverless = "set provider.logs.restApi.fullExecutionData to false in"
                + " serverless.yml and log the fields you need in the access log.";
        // The framework's stage resources count as written, so ApiStages decides for them.
        String advice = ApiStages.of(context.template(), context.evaluator()).stream()
                .filter(stage -> stage.resource().logicalId().equals(resource.logicalId()))
                .findFirst()
                .map(stage -> ApiStages.advice(context.template(), stage, template, template,
                        serverless))
                .orElse(context.fix(resource.logicalId(), template, serverless));
        for (Alternative on : SettingBranches.equalTo(context.evaluator(), value, "true")) {
            findings.add(context.finding(on.node().span(), resource.logicalId(), label(resource)
                    + " sets " + property + " to 'true'" + on.qualifier() + ", so API Gateway"
                    + " writes whole requests and responses, with their headers and tokens, to"
                    + " CloudWatch Logs; " + advice));
        }
    }

    /** Returns a name such as "Deployment 'ApiDeployment'" for messages. */
    private static String label(Resource resource) {
        String type = resource.type();
        return type.substring(type.lastIndexOf(':') + 1) + " '" + resource.logicalId() + "'";
    }

    private static MapNode asMap(Node node) {
        return node == null ? null : node.asMap();
    }
}
