package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.model.MapNode;
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
        id = "SL2020",
        name = "ApiGatewayAccessLogging",
        summary = "API Gateway stages write access logs",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT, ApiStages.V2_STAGE},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "set-up-logging.html",
        tags = {"api-gateway", "observability", "logging"},
        aliases = {"ES2000", "AwsSolutions-APIG1", "W45", "W69", "W46", "CKV_AWS_76",
            "CKV_AWS_95", "AWS-0001"})
public final class ApiGatewayAccessLoggingRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            boolean rest = stage.protocol() == ApiStages.Protocol.REST;
            String name = rest ? "AccessLogSetting" : "AccessLogSettings";
            Node setting = stage.setting(name);
            if (setting == null) {
                findings.add(context.finding(stage.resource().span(),
                        stage.resource().logicalId(), stage.label() + " sets no "
                                + stage.prefix() + name + ", so API Gateway keeps no record of"
                                + " the requests it serves" + advice(context, stage, name)));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(setting)) {
                check(context, stage, setting, alternative, findings);
            }
        }
        return findings;
    }

    private static void check(RuleContext context, ApiStages.Stage stage, Node setting,
            Alternative alternative, List<Finding> findings) {
        boolean rest = stage.protocol() == ApiStages.Protocol.REST;
        String key = rest ? "AccessLogSetting" : "AccessLogSettings";
        String name = stage.prefix() + key;
        MapNode map = Settings.map(alternative.value());
        String missing = null;
        if (ApiStages.isUnset(alternative)) {
            missing = name + " is empty";
        } else if (map != null && unset(context, map.get("DestinationArn"))) {
            missing = name + " has no DestinationArn";
        } else if (map != null && rest && unset(context, map.get("Format"))) {
            missing = name + " has no Format";
        }
        if (missing != null) {
            findings.add(context.finding(stage.spanOf(key, alternative),
                    stage.resource().logicalId(), stage.label() + ": " + missing
                            + alternative.qualifier() + ", so API Gateway writes no access log"
                            + advice(context, stage, name)));
        }
    }

    private static boolean unset(RuleContext context, Node node) {
        if (node == null) {
            return true;
        }
        return context.evaluator().alternatives(node).stream().anyMatch(ApiStages::isUnset);
    }

    private static String advice(RuleContext context, ApiStages.Stage stage, String name) {
        String fields = stage.protocol() == ApiStages.Protocol.REST
                ? "DestinationArn and Format" : "DestinationArn";
        String key = switch (stage.protocol()) {
            case REST -> "restApi";
            case HTTP -> "httpApi";
            case WEBSOCKET -> "websocket";
        };
        String globals = stage.protocol() == ApiStages.Protocol.REST ? "Api" : "HttpApi";
        return ApiStages.advice(context.template(), stage,
                "; set " + name + " with " + fields + " (a log group or Firehose stream ARN).",
                "; set " + name + " with " + fields + " on the SAM API or in Globals." + globals
                        + ".",
                "; set provider.logs." + key + " to true in serverless.yml.");
    }
}
