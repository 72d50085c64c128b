package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.index.TemplateIndex;
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
        id = "SL1006",
        name = "LambdaRoleWildcardPermission",
        summary = "Lambda execution roles grant named actions on named resources",
        severity = Severity.WARNING,
        securitySeverity = "6.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::RolePolicy",
            "AWS::IAM::ManagedPolicy", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
        tags = {"lambda", "iam", "least-privilege"},
        aliases = {"WS1003", "AwsSolutions-IAM5", "Serverless-LambdaStarPermissions", "F3",
            "W11", "CKV_AWS_63", "CKV_AWS_62"})
public final class LambdaRoleWildcardPermissionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        TemplateIndex index = context.index();
        Set<Finding> findings = new LinkedHashSet<>();
        for (Resource role : index.executionRoles()) {
            for (PolicyDocument document : index.iam().policies(role)) {
                WildcardMessages.Owner owner = WildcardMessages.owner(role, document.owner());
                for (PolicyStatement statement : document.statements(context.evaluator())) {
                    for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                        WildcardStatements.check(context, owner, allowed, findings);
                    }
                }
            }
            for (Alternative policy : index.iam().managedPolicies(role)) {
                WildcardStatements.checkManagedPolicy(context,
                        WildcardMessages.owner(role, role), policy, findings);
            }
        }
        return List.copyOf(findings);
    }
}
