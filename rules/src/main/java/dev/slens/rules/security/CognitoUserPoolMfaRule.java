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
        id = "SL8011",
        name = "CognitoUserPoolMfa",
        summary = "Cognito user pools require multi-factor authentication",
        severity = Severity.WARNING,
        securitySeverity = "6.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Cognito::UserPool"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/cognito/latest/developerguide/"
                + "user-pool-settings-mfa.html",
        tags = {"security", "cognito", "authentication"},
        aliases = {"AwsSolutions-COG2", "F78", "CKV_AWS_366"})
public final class CognitoUserPoolMfaRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource pool : context.template().resourcesOfType("AWS::Cognito::UserPool")) {
            Node mfa = pool.property("MfaConfiguration");
            if (mfa == null) {
                findings.add(context.finding(pool.span(), pool.logicalId(), "User pool '"
                        + pool.logicalId() + "' sets no MfaConfiguration, so it defaults to"
                        + " 'OFF' and a stolen password is enough to sign in; set"
                        + " MfaConfiguration to 'ON' with an MFA method."));
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(mfa)) {
                String value = branch.value().exactText();
                if ("OFF".equals(value)) {
                    findings.add(context.finding(branch.node().span(), pool.logicalId(),
                            "User pool '" + pool.logicalId() + "' sets MfaConfiguration to"
                                    + " 'OFF'" + branch.qualifier() + ", so a stolen password"
                                    + " is enough to sign in; set it to 'ON'."));
                } else if ("OPTIONAL".equals(value)) {
                    findings.add(context.finding(Severity.INFO, branch.node().span(),
                            pool.logicalId(), "User pool '" + pool.logicalId() + "' sets"
                                    + " MfaConfiguration to 'OPTIONAL'" + branch.qualifier()
                                    + ", so users who never add a second factor sign in with"
                                    + " a password alone; set it to 'ON'."));
                }
            }
        }
        return findings;
    }
}
