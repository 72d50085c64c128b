package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.ApiStages;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL2025",
        name = "ApiGatewayTracing",
        summary = "REST API stages have X-Ray tracing enabled",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/xray/latest/devguide/"
                + "xray-services-apigateway.html",
        tags = {"api-gateway", "observability", "tracing"},
        aliases = {"WS2002", "Serverless-APIGWXrayEnabled", "CKV_AWS_73", "AWS-0003"})
public final class ApiGatewayTracingRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            // HTTP and WebSocket APIs cannot send traces to X-Ray, so only REST stages count.
            if (stage.protocol() != ApiStages.Protocol.REST) {
                continue;
            }
            String name = stage.prefix() + "TracingEnabled";
            Node tracing = stage.setting("TracingEnabled");
            if (tracing == null) {
                findings.add(context.finding(stage.resource().span(),
                        stage.resource().logicalId(), stage.label() + " sets no " + name
                                + ", so X-Ray tracing is off for it" + advice(context, stage)));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(tracing)) {
                boolean unset = ApiStages.isUnset(alternative);
                if (unset || ApiStages.isFalse(alternative.value())) {
                    String what = unset ? " leaves " + name + " unset" : " sets " + name
                            + " to 'false'";
                    findings.add(context.finding(Settings.spanOf(tracing, alternative),
                            stage.resource().logicalId(), stage.label() + what
                                    + alternative.qualifier()
                                    + ", so X-Ray tracing is off for it"
                                    + advice(context, stage)));
                }
            }
        }
        return findings;
    }

    private static String advice(RuleContext context, ApiStages.Stage stage) {
        return ApiStages.advice(context.template(), stage,
                "; set " + stage.prefix() + "TracingEnabled to true.",
                "; set TracingEnabled to true on the SAM API or in Globals.Api.",
                "; set provider.tracing.apiGateway to true in serverless.yml.");
    }
}
