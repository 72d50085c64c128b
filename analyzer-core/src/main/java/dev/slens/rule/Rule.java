package dev.slens.rule;

import java.util.List;

/**
 * A check. Implementations carry {@link RuleInfo}, are registered in
 * {@code META-INF/services/dev.slens.rule.Rule}, and keep no mutable state, because one instance
 * serves every template, possibly from several threads.
 */
public interface Rule {

    /** Returns the findings for one template; never {@code null}. */
    List<Finding> check(RuleContext context);

    /** Returns this rule's metadata, read from its {@link RuleInfo}. */
    default RuleMetadata metadata() {
        return RuleMetadata.of(getClass());
    }
}
