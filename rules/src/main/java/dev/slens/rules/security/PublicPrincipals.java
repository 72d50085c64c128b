package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.PolicyStatement;
import dev.slens.index.Value;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/** Finds the {@code Principal} values of a policy statement that stand for everyone. */
final class PublicPrincipals {

    private PublicPrincipals() {
    }

    /**
     * Returns the values of the statement's {@code Principal} that are {@code *}: the whole
     * principal written as {@code '*'}, or an {@code AWS} entry of {@code '*'}, each with the
     * conditions under which it holds. Empty when the principal names accounts, roles or
     * services only.
     */
    static List<Alternative> of(Evaluator evaluator, PolicyStatement statement) {
        List<Alternative> everyone = new ArrayList<>();
        Node principal = statement.node().get("Principal");
        if (principal == null) {
            return everyone;
        }
        for (Alternative value : evaluator.alternatives(principal)) {
            Alternative where = statement.within(value);
            if ("*".equals(value.value().exactText())) {
                everyone.add(where);
            } else if (value.value() instanceof Value.Structure structure
                    && structure.node().asMap() != null
                    && structure.node().asMap().get("AWS") != null) {
                PolicyStatement branch = statement.when(value.conditions());
                for (Alternative account : evaluator.elements(
                        structure.node().asMap().get("AWS"))) {
                    if ("*".equals(account.value().exactText())) {
                        everyone.add(branch.within(account));
                    }
                }
            }
        }
        everyone.removeIf(a -> !PolicyStatement.consistent(a.conditions()));
        return everyone;
    }
}
