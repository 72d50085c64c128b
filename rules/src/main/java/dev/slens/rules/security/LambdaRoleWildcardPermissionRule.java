package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamActions;
import dev.slens.index.IamIndex;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.index.TemplateIndex;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "SL1006",
        name = "LambdaRoleWildcardPermission",
        summary = "Lambda execution roles grant named actions on named resources",
        severity = Severity.WARNING,
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
                        checkStatement(context, owner, allowed, findings);
                    }
                }
            }
            for (Alternative policy : index.iam().managedPolicies(role)) {
                checkManagedPolicy(context, role, policy, findings);
            }
        }
        return List.copyOf(findings);
    }

    private static void checkStatement(RuleContext context, WildcardMessages.Owner owner,
            PolicyStatement statement, Set<Finding> findings) {
        for (String negated : List.of("NotAction", "NotResource")) {
            MapNode.Entry entry = statement.node().entry(negated);
            if (entry != null) {
                findings.add(context.finding(entry.keySpan(), owner.logicalId(),
                        WildcardMessages.negated(owner, negated, statement)));
            }
        }

        Map<List<String>, List<String>> actionsByCondition = new LinkedHashMap<>();
        for (Alternative action : statement.elements(context.evaluator(), "Action")) {
            Alternative where = statement.within(action);
            if (!PolicyStatement.consistent(where.conditions())) {
                continue;
            }
            String text = action.value().exactText();
            actionsByCondition.computeIfAbsent(action.conditions(), k -> new ArrayList<>())
                    .add(text);
            if ("*".equals(text)) {
                findings.add(context.finding(Severity.ERROR, action.node().span(),
                        owner.logicalId(), WildcardMessages.allActions(owner, where)));
            } else if (text != null && IamActions.isServiceWildcard(text)) {
                findings.add(context.finding(action.node().span(), owner.logicalId(),
                        WildcardMessages.serviceActions(owner, text, where)));
            }
        }
        ResourceWildcards.check(context, owner, statement, actionsByCondition, findings);
    }

    private static void checkManagedPolicy(RuleContext context, Resource role, Alternative policy,
            Set<Finding> findings) {
        String text = policy.value() instanceof Value.Text written ? written.text() : null;
        String name = text == null ? null : IamIndex.awsManagedPolicyName(text);
        if (name == null) {
            return;
        }
        WildcardMessages.Owner owner = WildcardMessages.owner(role, role);
        if (name.equals("AdministratorAccess")) {
            findings.add(context.finding(Severity.ERROR, policy.node().span(), owner.logicalId(),
                    WildcardMessages.adminPolicy(owner, name, policy)));
        } else if (name.equals("PowerUserAccess")) {
            findings.add(context.finding(Severity.ERROR, policy.node().span(), owner.logicalId(),
                    WildcardMessages.powerUserPolicy(owner, name, policy)));
        } else if (name.endsWith("FullAccess")) {
            findings.add(context.finding(policy.node().span(), owner.logicalId(),
                    WildcardMessages.fullAccessPolicy(owner, name, policy)));
        }
    }
}
