package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamActions;
import dev.slens.index.PolicyStatement;
import dev.slens.model.ScalarNode;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code Resource: '*'} check of the wildcard-permission rule. */
final class ResourceWildcards {

    private ResourceWildcards() {
    }

    /**
     * Reports {@code Resource: '*'} in an Allow statement unless its actions accept only
     * {@code *}. {@code actionsByCondition} maps the conditions of each Action item, beyond the
     * statement's own, to the action names, with {@code null} for a name not evaluated. Actions
     * without a condition always apply. Each conditional group applies together with them, so
     * it is checked, and its conditions named, only when the unconditional actions alone are not
     * reported.
     */
    static void check(RuleContext context, WildcardMessages.Owner owner, PolicyStatement statement,
            Map<List<String>, List<String>> actionsByCondition, Set<Finding> findings) {
        List<String> always = actionsByCondition.getOrDefault(List.of(), List.of());
        boolean unconditional = actionsByCondition.keySet().stream().allMatch(List::isEmpty);
        if (unconditional
                || !always.isEmpty() && !acceptOnlyAllResources(always)) {
            reportAllResources(context, owner, statement, always, findings);
            return;
        }
        for (Map.Entry<List<String>, List<String>> group : actionsByCondition.entrySet()) {
            if (!group.getKey().isEmpty()) {
                List<String> actions = new ArrayList<>(always);
                actions.addAll(group.getValue());
                reportAllResources(context, owner, statement.when(group.getKey()), actions,
                        findings);
            }
        }
    }

    private static void reportAllResources(RuleContext context, WildcardMessages.Owner owner,
            PolicyStatement statement, List<String> actions, Set<Finding> findings) {
        if (acceptOnlyAllResources(actions)) {
            return;
        }
        for (Alternative resource : statement.elements(context.evaluator(), "Resource")) {
            Alternative where = statement.within(resource);
            if ("*".equals(resource.value().exactText()) && !builtIntoTemplate(statement, resource)
                    && PolicyStatement.consistent(where.conditions())) {
                findings.add(context.finding(resource.node().span(), owner.logicalId(),
                        WildcardMessages.allResources(owner, actions, where)));
            }
        }
    }

    /**
     * Returns whether every one of {@code actions} accepts only {@code Resource: '*'}. Returns
     * false when an action could not be evaluated, which the list gives as {@code null}.
     */
    static boolean acceptOnlyAllResources(List<String> actions) {
        return !actions.isEmpty() && actions.stream().allMatch(IamActions::acceptsOnlyAllResources);
    }

    /**
     * Returns whether {@code resource} is a literal of a SAM policy template, such as the
     * {@code *} that VPCAccessPolicy grants, rather than a value the user passed to it. The user
     * cannot narrow such a resource, only replace the template.
     */
    private static boolean builtIntoTemplate(PolicyStatement statement, Alternative resource) {
        return statement.policyTemplate() != null && resource.node() instanceof ScalarNode;
    }
}
