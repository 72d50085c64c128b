package dev.slens.rules.security;

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
        id = "SL3002",
        name = "AppSyncWaf",
        summary = "AppSync APIs are protected by an AWS WAF web ACL",
        severity = Severity.INFO,
        securitySeverity = "3.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::AppSync::GraphQLApi", "AWS::WAFv2::WebACLAssociation"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/WAF-Integration.html",
        tags = {"security", "appsync", "waf"},
        aliases = {"CKV2_AWS_33"},
        enabledByDefault = false)
public final class AppSyncWafRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        if (WebAclAssociations.anyUnknown(context)) {
            return findings;
        }
        List<String> arns = WebAclAssociations.resourceArns(context);
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            String id = api.logicalId();
            boolean associated = arns.stream().anyMatch(arn -> arn.equals("{{ref:" + id + "}}")
                    || arn.contains("{{getatt:" + id + ".Arn}}")
                    || arn.contains("{{getatt:" + id + ".ApiId}}"));
            if (!associated) {
                findings.add(context.finding(api.span(), id, "GraphQL API '" + id + "' has no"
                        + " AWS::WAFv2::WebACLAssociation in this template, so no web ACL"
                        + " filters its requests; associate a web ACL with the API's ARN, or"
                        + " turn this rule off where a Firewall Manager policy or another"
                        + " stack does."));
            }
        }
        return findings;
    }
}
