package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamActions;
import dev.slens.index.IamIndex;
import dev.slens.index.PolicyStatement;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of one identity-based policy that the wildcard-permission rules share. */
final class WildcardStatements {

    private WildcardStatements() {
    }

    /**
     * Reports, in one Allow statement, {@code NotAction} and {@code NotResource}, an Action of
     * {@code *} (as an error) or of a whole service, and {@code Resource: '*'}.
     */
    static void check(RuleContext context, WildcardMessages.Owner owner,
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
        if (statement.policyTemplate() != null) {
            checkTemplateParameters(context, owner, statement, findings);
        }
    }

    /**
     * Reports a SAM policy template parameter whose value is {@code *}, such as
     * {@code DynamoDBCrudPolicy: {TableName: '*'}}, when the resource it builds is an ARN with
     * a wildcard, such as {@code table/*}, rather than exactly {@code *}, which
     * {@link ResourceWildcards} reports. The expanded resource is
     * {@code Fn::Sub [pattern, variables]}, whose variables are the nodes the user wrote.
     */
    private static void checkTemplateParameters(RuleContext context,
            WildcardMessages.Owner owner, PolicyStatement statement, Set<Finding> findings) {
        Node resource = statement.node().get("Resource");
        List<Node> items = resource != null && resource.asList() != null
                ? resource.asList().items() : List.of();
        for (Node item : items) {
            Node sub = item.asMap() == null ? null : item.asMap().get("Fn::Sub");
            MapNode variables = sub == null || sub.asList() == null || sub.asList().size() != 2
                    ? null : sub.asList().get(1).asMap();
            if (variables == null || "*".equals(context.evaluator().exactText(item))) {
                continue;
            }
            for (MapNode.Entry variable : variables.entries()) {
                for (Alternative value : context.evaluator().alternatives(variable.value())) {
                    Alternative where = statement.within(value);
                    if ("*".equals(value.value().exactText())
                            && PolicyStatement.consistent(where.conditions())) {
                        findings.add(context.finding(value.node().span(), owner.logicalId(),
                                WildcardMessages.templateParameter(owner,
                                        statement.policyTemplate(), variable.key(), where)));
                    }
                }
            }
        }
    }

    /**
     * Reports {@code policy}, one item of an identity's {@code ManagedPolicyArns} or SAM
     * {@code Policies}, when it names an AWS managed policy that grants every action or every
     * action of a service.
     */
    static void checkManagedPolicy(RuleContext context, WildcardMessages.Owner owner,
            Alternative policy, Set<Finding> findings) {
        String text = policy.value() instanceof Value.Text written ? written.text() : null;
        String name = text == null ? null : IamIndex.awsManagedPolicyName(text);
        if (name == null) {
            return;
        }
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
