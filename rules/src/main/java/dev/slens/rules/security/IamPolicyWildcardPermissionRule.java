package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamIndex;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8001",
        name = "IamPolicyWildcardPermission",
        summary = "Other IAM policies grant named actions on named resources",
        severity = Severity.WARNING,
        securitySeverity = "6.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html"
                + "#grant-least-privilege",
        tags = {"security", "iam", "least-privilege"},
        aliases = {"F4", "F5", "W12", "W13", "W14", "W15", "W16", "W17", "W21", "W22",
            "W23", "F6", "W43", "CKV_AWS_49", "CKV_AWS_1", "AwsSolutions-IAM5",
            "IAMPolicyNoStatementsWithAdminAccess", "IAMPolicyNoStatementsWithFullAccess",
            "AWS-0120"})
public final class IamPolicyWildcardPermissionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        IamIndex iam = context.index().iam();
        Set<Resource> lambdaRoles = new HashSet<>(context.index().executionRoles());
        Set<Finding> findings = new LinkedHashSet<>();
        for (PolicyDocument document : iam.allPolicies()) {
            List<Resource> identities = isIdentity(document.owner())
                    ? List.of(document.owner()) : iam.identitiesOf(document.owner());
            if (identities.stream().anyMatch(lambdaRoles::contains)) {
                continue;
            }
            Resource identity = identities.isEmpty() ? document.owner() : identities.get(0);
            WildcardMessages.Owner owner = WildcardMessages.owner(identity, document.owner(),
                    user(context, identity));
            for (PolicyStatement statement : document.statements(context.evaluator())) {
                for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                    WildcardStatements.check(context, owner, allowed, findings);
                }
            }
        }
        for (Resource identity : iam.identities()) {
            if (lambdaRoles.contains(identity)) {
                continue;
            }
            WildcardMessages.Owner owner = WildcardMessages.owner(identity, identity,
                    user(context, identity));
            for (Alternative policy : iam.managedPolicies(identity)) {
                WildcardStatements.checkManagedPolicy(context, owner, policy, findings);
            }
        }
        return List.copyOf(findings);
    }

    private static boolean isIdentity(Resource resource) {
        return Set.of("AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group")
                .contains(resource.type());
    }

    /** Returns how messages name the principal that acts with the permissions of the identity. */
    private static String user(RuleContext context, Resource identity) {
        return switch (identity.type()) {
            case "AWS::IAM::User" -> "the user";
            case "AWS::IAM::Group" -> "each member";
            case "AWS::IAM::Role" -> ServicePrincipals.trusted(context, identity)
                    .contains("states.amazonaws.com") ? "the state machine" : "the workload";
            default -> "the workload";
        };
    }
}
