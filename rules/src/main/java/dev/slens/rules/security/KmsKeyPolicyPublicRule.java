package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8003",
        name = "KmsKeyPolicyPublic",
        summary = "KMS key policies do not allow every principal without a condition",
        severity = Severity.ERROR,
        securitySeverity = "8.2",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::KMS::Key", "AWS::KMS::ReplicaKey"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/kms/latest/developerguide/"
                + "key-policy-overview.html",
        tags = {"security", "kms", "resource-policy"},
        aliases = {"F76", "CKV_AWS_33", "f6049677"})
public final class KmsKeyPolicyPublicRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (String type : List.of("AWS::KMS::Key", "AWS::KMS::ReplicaKey")) {
            for (Resource key : context.template().resourcesOfType(type)) {
                Node policy = key.property("KeyPolicy");
                if (policy != null) {
                    check(context, key, new PolicyDocument(policy, key), findings);
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void check(RuleContext context, Resource key, PolicyDocument document,
            Set<Finding> findings) {
        for (PolicyStatement statement : document.statements(context.evaluator())) {
            for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                if (allowed.hasCondition()) {
                    continue;
                }
                for (Alternative everyone : PublicPrincipals.of(context.evaluator(), allowed)) {
                    findings.add(context.finding(everyone.node().span(), key.logicalId(),
                            "Key '" + key.logicalId() + "' has a KeyPolicy statement that"
                                    + " allows Principal '*'" + everyone.qualifier()
                                    + " without a Condition, so any AWS account may use the"
                                    + " key as far as the statement allows; name the account"
                                    + " root, roles or services instead, or add a Condition"
                                    + " such as aws:PrincipalOrgID or kms:CallerAccount."));
                }
            }
        }
    }
}
