package dev.slens.rules.security;

import dev.slens.index.Alternative;
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
        id = "SL8013",
        name = "CognitoIdentityPoolUnauthenticated",
        summary = "Cognito identity pools give AWS credentials to signed-in users only",
        severity = Severity.WARNING,
        securitySeverity = "6.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Cognito::IdentityPool"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/cognito/latest/developerguide/"
                + "identity-pools.html",
        tags = {"security", "cognito", "authentication"},
        aliases = {"AwsSolutions-COG7"})
public final class CognitoIdentityPoolUnauthenticatedRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource pool : context.template().resourcesOfType("AWS::Cognito::IdentityPool")) {
            Node allow = pool.property("AllowUnauthenticatedIdentities");
            for (Alternative on : SettingBranches.equalTo(context.evaluator(), allow, "true")) {
                findings.add(context.finding(on.node().span(), pool.logicalId(),
                        "Identity pool '" + pool.logicalId() + "' sets"
                                + " AllowUnauthenticatedIdentities to 'true'" + on.qualifier()
                                + ", so anyone may get AWS credentials for its unauthenticated"
                                + " role; set it to 'false', or keep that role's policy to"
                                + " the few read actions guests need."));
            }
        }
        return findings;
    }
}
