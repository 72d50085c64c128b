package dev.slens.rules.security;

import dev.slens.index.Alternative;
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
        id = "SL3001",
        name = "AppSyncApiKeyAuth",
        summary = "AppSync APIs authenticate callers with more than an API key",
        severity = Severity.WARNING,
        securitySeverity = "6.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::AppSync::GraphQLApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/security-authz.html",
        tags = {"security", "appsync", "authorization"})
public final class AppSyncApiKeyAuthRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            for (Alternative key : SettingBranches.equalTo(context.evaluator(),
                    api.property("AuthenticationType"), "API_KEY")) {
                findings.add(context.finding(key.node().span(), api.logicalId(), "GraphQL API '"
                        + api.logicalId() + "' sets AuthenticationType 'API_KEY'"
                        + key.qualifier() + ", so every caller who has the key, which ships"
                        + " inside the client, gets the default access; set"
                        + " AuthenticationType to 'AMAZON_COGNITO_USER_POOLS', 'AWS_IAM',"
                        + " 'OPENID_CONNECT' or 'AWS_LAMBDA', and keep API_KEY, if needed, in"
                        + " AdditionalAuthenticationProviders for the public fields."));
            }
        }
        return findings;
    }
}
