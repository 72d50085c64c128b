package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyStatement;
import dev.slens.model.Resource;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The messages of the wildcard-permission rule, one method per kind of finding. */
final class WildcardMessages {

    /**
     * The resource a finding is about.
     *
     * @param logicalId the logical ID of the role or policy resource
     * @param subject how messages name it, such as "Role 'DataRole'"
     */
    record Owner(String logicalId, String subject) { }

    private WildcardMessages() {
    }

    /** Returns the owner of a policy written in {@code written} that applies to {@code role}. */
    static Owner owner(Resource role, Resource written) {
        if (!written.equals(role)) {
            return new Owner(written.logicalId(), "Policy '" + written.logicalId() + "'");
        }
        if (!role.isWritten()) {
            return new Owner(role.logicalId(), "Role '" + role.logicalId() + "' of function '"
                    + role.generatedFrom() + "'");
        }
        return new Owner(role.logicalId(), "Role '" + role.logicalId() + "'");
    }

    static String allActions(Owner owner, Alternative action) {
        return owner.subject() + " allows Action '*'" + action.qualifier()
                + ", which grants every action of every service; list only the actions the"
                + " function calls.";
    }

    static String serviceActions(Owner owner, String action, Alternative where) {
        String service = action.substring(0, action.indexOf(':'));
        return owner.subject() + " allows Action '" + action + "'" + where.qualifier()
                + ", which grants every " + service + " action; list only the " + service
                + " actions the function calls.";
    }

    static String allResources(Owner owner, List<String> actions, Alternative resource) {
        String named = actions.stream().filter(Objects::nonNull)
                .map(action -> "'" + action + "'")
                .collect(Collectors.joining(", "));
        String forActions = named.isEmpty() ? "" : " for " + named;
        return owner.subject() + " allows Resource '*'" + resource.qualifier() + forActions
                + "; set Resource to the ARNs the function uses.";
    }

    static String negated(Owner owner, String key, PolicyStatement statement) {
        String qualifier = statement.conditions().isEmpty() ? ""
                : " (when " + String.join(" and ", statement.conditions()) + ")";
        String instead = key.equals("NotAction")
                ? "every action it does not list; use Action with the actions"
                : "every resource it does not list; use Resource with the ARNs";
        return owner.subject() + " allows " + key + qualifier + " in an Allow statement, which"
                + " grants " + instead + " the function needs.";
    }

    static String adminPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action on every resource; attach policies limited to"
                + " the actions and resources the function uses.";
    }

    static String powerUserPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action except most of IAM and Organizations on every"
                + " resource; attach policies limited to the actions and resources the function"
                + " uses.";
    }

    static String fullAccessPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action of a service on every resource; attach policies"
                + " limited to the actions and resources the function uses.";
    }
}
