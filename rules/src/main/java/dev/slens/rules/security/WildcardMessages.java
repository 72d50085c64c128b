package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyStatement;
import dev.slens.model.Resource;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The messages of the wildcard-permission rules, one method per kind of finding. */
final class WildcardMessages {

    /**
     * The resource a finding is about.
     *
     * @param logicalId the logical ID of the role or policy resource
     * @param subject how messages name it, such as "Role 'DataRole'"
     * @param user who acts with the permissions, such as "the function"
     */
    record Owner(String logicalId, String subject, String user) { }

    private WildcardMessages() {
    }

    /**
     * Returns the owner of a policy written in {@code written} that applies to {@code role}, the
     * execution role of a function.
     */
    static Owner owner(Resource role, Resource written) {
        if (written.equals(role) && !role.isWritten() && !role.isServiceWide()) {
            return new Owner(role.logicalId(), "Role '" + role.logicalId() + "' of function '"
                    + role.generatedFrom() + "'", "the function");
        }
        return owner(role, written, "the function");
    }

    /**
     * Returns the owner of a policy written in {@code written} that applies to {@code identity},
     * used by {@code user}.
     */
    static Owner owner(Resource identity, Resource written, String user) {
        if (!written.equals(identity)) {
            return new Owner(written.logicalId(), "Policy '" + written.logicalId() + "'", user);
        }
        String kind = identity.type().substring(identity.type().lastIndexOf(':') + 1);
        if (!identity.isWritten() && !identity.isServiceWide()) {
            return new Owner(identity.logicalId(), kind + " '" + identity.logicalId()
                    + "' generated from '" + identity.generatedFrom() + "'", user);
        }
        return new Owner(identity.logicalId(), kind + " '" + identity.logicalId() + "'", user);
    }

    static String allActions(Owner owner, Alternative action) {
        return owner.subject() + " allows Action '*'" + action.qualifier()
                + ", which grants every action of every service; list only the actions "
                + owner.user() + " calls.";
    }

    static String serviceActions(Owner owner, String action, Alternative where) {
        String service = action.substring(0, action.indexOf(':'));
        return owner.subject() + " allows Action '" + action + "'" + where.qualifier()
                + ", which grants every " + service + " action; list only the " + service
                + " actions " + owner.user() + " calls.";
    }

    static String allResources(Owner owner, List<String> actions, Alternative resource) {
        String named = actions.stream().filter(Objects::nonNull)
                .map(action -> "'" + action + "'")
                .collect(Collectors.joining(", "));
        String forActions = named.isEmpty() ? "" : " for " + named;
        return owner.subject() + " allows Resource '*'" + resource.qualifier() + forActions
                + "; set Resource to the ARNs " + owner.user() + " uses.";
    }

    static String negated(Owner owner, String key, PolicyStatement statement) {
        String qualifier = statement.conditions().isEmpty() ? ""
                : " (when " + String.join(" and ", statement.conditions()) + ")";
        String instead = key.equals("NotAction")
                ? "every action it does not list; use Action with the actions"
                : "every resource it does not list; use Resource with the ARNs";
        return owner.subject() + " allows " + key + qualifier + " in an Allow statement, which"
                + " grants " + instead + " " + owner.user() + " needs.";
    }

    static String adminPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action on every resource; attach policies limited to"
                + " the actions and resources " + owner.user() + " uses.";
    }

    static String powerUserPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action except most of IAM and Organizations on every"
                + " resource; attach policies limited to the actions and resources "
                + owner.user() + " uses.";
    }

    static String fullAccessPolicy(Owner owner, String name, Alternative policy) {
        return owner.subject() + " attaches managed policy '" + name + "'" + policy.qualifier()
                + ", which allows every action of a service on every resource; attach policies"
                + " limited to the actions and resources " + owner.user() + " uses.";
    }

    static String templateParameter(Owner owner, String template, String parameter,
            Alternative value) {
        return owner.subject() + " passes '*' as " + parameter + " of SAM policy template '"
                + template + "'" + value.qualifier() + ", which grants the template's actions on"
                + " every such resource in the account; set " + parameter + " to the one "
                + owner.user() + " uses.";
    }
}
