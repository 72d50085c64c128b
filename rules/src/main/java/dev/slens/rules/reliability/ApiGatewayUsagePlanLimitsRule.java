package dev.slens.rules.reliability;

import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.ApiStages;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL2026",
        name = "ApiGatewayUsagePlanLimits",
        summary = "Usage plans limit requests and every API key is in a usage plan",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {UsagePlans.TYPE, "AWS::ApiGateway::ApiKey",
            "AWS::ApiGateway::UsagePlanKey"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-api-usage-plans.html",
        tags = {"api-gateway", "throttling", "usage-plan"})
public final class ApiGatewayUsagePlanLimitsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource plan : context.template().resourcesOfType(UsagePlans.TYPE)) {
            if (unset(context, plan.property("Throttle"))
                    && unset(context, plan.property("Quota"))) {
                findings.add(context.finding(plan.span(), plan.logicalId(), "Usage plan '"
                        + plan.logicalId() + "' sets neither Throttle nor Quota, so a client"
                        + " with one of its API keys may send requests without limit; set"
                        + " Throttle (BurstLimit, RateLimit) or Quota (Limit, Period)"
                        + serverless(context, "throttle or quota") + "."));
            }
        }
        Set<String> keysInPlans = new HashSet<>();
        for (Resource planKey : context.template().resourcesOfType(
                "AWS::ApiGateway::UsagePlanKey")) {
            keysInPlans.add(context.evaluator().referencedResource(planKey.property("KeyId")));
        }
        for (Resource key : context.template().resourcesOfType("AWS::ApiGateway::ApiKey")) {
            if (!keysInPlans.contains(key.logicalId())) {
                findings.add(context.finding(key.span(), key.logicalId(), "API key '"
                        + key.logicalId() + "' is in no usage plan of this template, so API"
                        + " Gateway rejects requests that carry it unless another stack adds it"
                        + " to a plan; add an AWS::ApiGateway::UsagePlanKey for it."));
            }
        }
        return findings;
    }

    private static boolean unset(RuleContext context, Node node) {
        return node == null || context.evaluator().alternatives(node).stream()
                .allMatch(ApiStages::isUnset);
    }

    private static String serverless(RuleContext context, String keys) {
        boolean fromServerless =
                context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK;
        return fromServerless ? " (serverless.yml: provider.apiGateway.usagePlan " + keys + ")"
                : "";
    }
}
