package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
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
        id = "SL8016",
        name = "CognitoAdvancedSecurity",
        summary = "Cognito user pools enforce threat protection",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Cognito::UserPool"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/cognito/latest/developerguide/"
                + "cognito-user-pool-settings-threat-protection.html",
        tags = {"security", "cognito", "authentication"},
        aliases = {"AwsSolutions-COG3"},
        enabledByDefault = false)
public final class CognitoAdvancedSecurityRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource pool : context.template().resourcesOfType("AWS::Cognito::UserPool")) {
            Node addOns = pool.property("UserPoolAddOns");
            MapNode map = addOns == null ? null : addOns.asMap();
            Node mode = map == null ? null : map.get("AdvancedSecurityMode");
            if (mode == null) {
                findings.add(context.finding(pool.span(), pool.logicalId(), message(pool,
                        "sets no UserPoolAddOns.AdvancedSecurityMode")));
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(mode)) {
                String text = branch.value() instanceof Value.Text value ? value.text() : null;
                if (text != null && branch.value().exactText() != null
                        && !"ENFORCED".equals(text)) {
                    findings.add(context.finding(branch.node().span(), pool.logicalId(),
                            message(pool, "sets AdvancedSecurityMode to '" + text + "'"
                                    + branch.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource pool, String problem) {
        return "User pool '" + pool.logicalId() + "' " + problem + ", so Cognito does not"
                + " block sign-ins with leaked credentials or risky behaviour; set"
                + " AdvancedSecurityMode to 'ENFORCED' (a paid feature plan).";
    }
}
