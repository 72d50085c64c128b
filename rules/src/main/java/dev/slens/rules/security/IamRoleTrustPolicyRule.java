package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.model.MapNode;
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
        id = "SL8004",
        name = "IamRoleTrustPolicy",
        summary = "Role trust policies name who may assume the role and how",
        severity = Severity.ERROR,
        securitySeverity = "8.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "id_roles_terms-and-concepts.html#term_trust-policy",
        tags = {"security", "iam", "trust-policy"},
        aliases = {"F2", "CKV_AWS_60", "CKV_AWS_61", "f80e3aa7", "e835bd0d"})
public final class IamRoleTrustPolicyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (Resource role : context.template().resourcesOfType("AWS::IAM::Role")) {
            Node trust = role.property("AssumeRolePolicyDocument");
            if (trust == null) {
                continue;
            }
            boolean own = role.isWritten() || role.isServiceWide();
            String subject = own ? "Role '" + role.logicalId() + "'"
                    : "Role '" + role.logicalId() + "' of function '" + role.generatedFrom()
                            + "'";
            for (PolicyStatement statement : new PolicyDocument(trust, role)
                    .statements(context.evaluator())) {
                for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                    check(context, role, subject, allowed, findings);
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void check(RuleContext context, Resource role, String subject,
            PolicyStatement statement, Set<Finding> findings) {
        if (!statement.hasCondition()) {
            for (Alternative everyone : PublicPrincipals.of(context.evaluator(), statement)) {
                findings.add(context.finding(everyone.node().span(), role.logicalId(),
                        subject + " has a trust policy that allows Principal '*'"
                                + everyone.qualifier() + " without a Condition, so anyone"
                                + " in any AWS account may assume it; name the accounts,"
                                + " roles or services that assume it."));
            }
        }
        MapNode.Entry notPrincipal = statement.node().entry("NotPrincipal");
        if (notPrincipal != null) {
            findings.add(context.finding(notPrincipal.keySpan(), role.logicalId(),
                    subject + " has a trust policy that allows NotPrincipal, so every"
                            + " principal it does not list may assume the role; use"
                            + " Principal with the principals that assume it."));
        }
        for (Alternative action : statement.elements(context.evaluator(), "Action")) {
            Alternative where = statement.within(action);
            String text = action.value().exactText();
            if (("*".equals(text) || "sts:*".equalsIgnoreCase(text))
                    && PolicyStatement.consistent(where.conditions())) {
                findings.add(context.finding(Severity.WARNING, action.node().span(),
                        role.logicalId(), subject + " has a trust policy that allows Action '"
                                + text + "'" + where.qualifier() + ", which grants every way"
                                + " of assuming the role and of tagging its sessions; set"
                                + " Action to 'sts:AssumeRole' or the one the principal"
                                + " uses."));
            }
        }
    }
}
