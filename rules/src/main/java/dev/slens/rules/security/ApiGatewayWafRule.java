package dev.slens.rules.security;

import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL2003",
        name = "ApiGatewayWaf",
        summary = "REST API stages are protected by an AWS WAF web ACL",
        severity = Severity.INFO,
        securitySeverity = "3.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment",
                "AWS::WAFv2::WebACLAssociation"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "apigateway-control-access-aws-waf.html",
        tags = {"security", "api-gateway", "waf"},
        aliases = {"AwsSolutions-APIG3", "api_gateway_without_waf"},
        enabledByDefault = false)
public final class ApiGatewayWafRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        if (WebAclAssociations.anyUnknown(context)) {
            return findings;
        }
        List<String> arns = WebAclAssociations.resourceArns(context);
        Set<String> apisWithStages = new HashSet<>();
        for (Resource stage : context.template().resourcesOfType("AWS::ApiGateway::Stage")) {
            String api = context.evaluator().referencedResource(stage.property("RestApiId"));
            apisWithStages.add(api);
            String name = context.evaluator().exactText(stage.property("StageName"));
            if (!isAssociated(arns, api, stage.logicalId(), name)) {
                findings.add(context.finding(stage.span(), stage.logicalId(), "Stage '"
                        + stage.logicalId() + "' has no AWS::WAFv2::WebACLAssociation in this"
                        + " template, so no web ACL filters its requests; associate a web ACL"
                        + " with the stage ARN, or turn this rule off where a Firewall Manager"
                        + " policy or another stack does."));
            }
        }
        // A deployment's StageName creates that stage without an AWS::ApiGateway::Stage
        // resource, which is how the Serverless Framework deploys every REST API. An API with
        // stage resources is reported through them alone, so that the stage named 'Stage'
        // that SAM deployments create is not reported twice.
        for (Resource deployment
                : context.template().resourcesOfType("AWS::ApiGateway::Deployment")) {
            String api = context.evaluator().referencedResource(deployment.property("RestApiId"));
            String name = context.evaluator().exactText(deployment.property("StageName"));
            if (name != null && !apisWithStages.contains(api)
                    && !isAssociated(arns, api, deployment.logicalId(), name)) {
                findings.add(context.finding(deployment.span(), deployment.logicalId(),
                        "Stage '" + name + "' that deployment '" + deployment.logicalId()
                        + "' creates has no AWS::WAFv2::WebACLAssociation in this template, so"
                        + " no web ACL filters its requests; associate a web ACL with the stage"
                        + " ARN, or turn this rule off where a Firewall Manager policy or"
                        + " another stack does."));
            }
        }
        return findings;
    }

    private static boolean isAssociated(List<String> arns, String api, String logicalId,
            String stageName) {
        return arns.stream().anyMatch(arn -> arn.contains("/restapis/")
                && (api == null || arn.contains("{{ref:" + api + "}}"))
                && (arn.contains("{{ref:" + logicalId + "}}")
                        || stageName != null && arn.endsWith("/stages/" + stageName)));
    }
}
