package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamActions;
import dev.slens.index.IamIndex;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8002",
        name = "IamPrivilegeEscalation",
        summary = "IAM policies do not let a principal pass any role or raise its access",
        severity = Severity.ERROR,
        securitySeverity = "8.8",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
            "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::RolePolicy",
            "AWS::IAM::UserPolicy", "AWS::IAM::GroupPolicy", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "id_roles_use_passrole.html",
        tags = {"security", "iam", "privilege-escalation"},
        aliases = {"F38", "F39", "F40", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109",
            "CKV_AWS_110", "CKV_AWS_111"})
public final class IamPrivilegeEscalationRule implements Rule {

    private static final String PASS_ROLE = "iam:PassRole";
    private static final int NAMED_ACTIONS = 3;

    @Override
    public List<Finding> check(RuleContext context) {
        IamIndex iam = context.index().iam();
        Set<Resource> lambdaRoles = new HashSet<>(context.index().executionRoles());
        Set<Finding> findings = new LinkedHashSet<>();
        for (PolicyDocument document : iam.allPolicies()) {
            List<Resource> identities = iam.isIdentity(document.owner())
                    ? List.of(document.owner()) : iam.identitiesOf(document.owner());
            Resource identity = identities.isEmpty() ? document.owner() : identities.get(0);
            WildcardMessages.Owner owner = lambdaRoles.contains(identity)
                    ? WildcardMessages.owner(identity, document.owner())
                    : WildcardMessages.owner(identity, document.owner(), "its principal");
            for (PolicyStatement statement : document.statements(context.evaluator())) {
                for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                    check(context, owner, allowed, findings);
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void check(RuleContext context, WildcardMessages.Owner owner,
            PolicyStatement statement, Set<Finding> findings) {
        if (!statement.texts(context.evaluator(), "Resource").contains("*")) {
            return;
        }
        Alternative passRole = null;
        Alternative escalating = null;
        Set<String> escalations = new LinkedHashSet<>();
        for (Alternative action : statement.elements(context.evaluator(), "Action")) {
            String pattern = action.value().exactText();
            // Action '*' on '*' is administrator access, which SL1006 and SL8001 report.
            if (pattern == null || pattern.equals("*") || !PolicyStatement.consistent(
                    statement.within(action).conditions())) {
                continue;
            }
            if (passRole == null && IamActions.covers(pattern, PASS_ROLE)) {
                passRole = statement.within(action);
            }
            List<String> covered = IamActions.coveredWith(pattern, IamActions.Fact.ESCALATION);
            if (!covered.isEmpty() && escalating == null) {
                escalating = statement.within(action);
            }
            escalations.addAll(covered);
        }
        if (passRole != null && limitsPassedService(statement)) {
            passRole = null;
        }
        if (passRole != null && escalating != null && passRole.node() == escalating.node()) {
            findings.add(context.finding(passRole.node().span(), owner.logicalId(),
                    owner.subject() + " allows 'iam:PassRole' and " + names(escalations)
                            + " on Resource '*'" + passRole.qualifier() + ", so "
                            + owner.user() + " can pass any role to a service and give itself"
                            + " any permission; list only the IAM actions it needs, on the"
                            + " ARNs of the roles and policies it manages."));
            return;
        }
        if (passRole != null) {
            findings.add(context.finding(passRole.node().span(), owner.logicalId(),
                    owner.subject() + " allows 'iam:PassRole' on Resource '*'"
                            + passRole.qualifier() + ", so " + owner.user() + " can hand any"
                            + " role of the account, an administrator role too, to a service"
                            + " that runs code; set Resource to the ARNs of the roles it"
                            + " passes."));
        }
        if (escalating != null) {
            findings.add(context.finding(escalating.node().span(), owner.logicalId(),
                    owner.subject() + " allows " + names(escalations) + " on Resource '*'"
                            + escalating.qualifier() + ", which lets " + owner.user()
                            + " give itself any permission; remove these actions or limit"
                            + " Resource to the policies, roles or users it must manage."));
        }
    }

    /** Returns whether the statement's Condition names {@code iam:PassedToService}. */
    private static boolean limitsPassedService(PolicyStatement statement) {
        MapNode condition = statement.node().getMap("Condition");
        if (condition == null) {
            return false;
        }
        for (MapNode.Entry operator : condition.entries()) {
            MapNode keys = operator.value().asMap();
            if (keys != null && keys.keys().stream()
                    .anyMatch(key -> key.equalsIgnoreCase("iam:PassedToService"))) {
                return true;
            }
        }
        return false;
    }

    private static String names(Set<String> actions) {
        List<String> quoted = new ArrayList<>();
        for (String action : actions) {
            if (quoted.size() == NAMED_ACTIONS) {
                quoted.add("and " + (actions.size() - NAMED_ACTIONS) + " more");
                break;
            }
            quoted.add("'" + action + "'");
        }
        return String.join(", ", quoted);
    }
}
