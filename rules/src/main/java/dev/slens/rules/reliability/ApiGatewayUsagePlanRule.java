package dev.slens.rules.reliability;

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
        id = "SL2024",
        name = "ApiGatewayUsagePlan",
        summary = "REST API stages belong to a usage plan",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-api-usage-plans.html",
        tags = {"api-gateway", "throttling", "usage-plan"},
        aliases = {"W64", "W68"},
        enabledByDefault = false)
public final class ApiGatewayUsagePlanRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            if (stage.protocol() != ApiStages.Protocol.REST
                    || !UsagePlans.covering(context, stage).isEmpty()) {
                continue;
            }
            String advice = ApiStages.advice(context.template(), stage,
                    "; list the stage in the ApiStages of an AWS::ApiGateway::UsagePlan.",
                    "; set Auth.UsagePlan.CreateUsagePlan to 'PER_API' or 'SHARED' on the SAM"
                            + " API or in Globals.Api.",
                    "; set provider.apiGateway.usagePlan in serverless.yml.");
            findings.add(context.finding(stage.resource().span(), stage.resource().logicalId(),
                    stage.label() + " is in no usage plan, so API keys do not work on it and"
                            + " no per-client throttle or quota applies" + advice));
        }
        return findings;
    }
}
