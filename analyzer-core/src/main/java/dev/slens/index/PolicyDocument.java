package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.RecordHash;
import dev.slens.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An IAM policy document: identity-based, as in a role's policies, or resource-based, as in a
 * key policy or a queue policy.
 *
 * @param document the document node, possibly an intrinsic such as {@code Fn::If}
 * @param owner the resource the document is written in: the role or a policy resource
 */
public record PolicyDocument(Node document, Resource owner) {

    /**
     * Start of the {@code Sid} of every statement that a SAM policy template adds, so rules can
     * tell a template's own resources, which the user cannot change, from the user's values.
     * The SAM translator adds no {@code Sid}; slens does, when it expands the template.
     */
    public static final String SAM_POLICY_TEMPLATE_SID_PREFIX = "SamPolicyTemplate";

    /** Returns every statement that some branch of the document contains, in order. */
    public List<PolicyStatement> statements(Evaluator evaluator) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (Alternative branch : evaluator.alternatives(document)) {
            MapNode body = IamIndex.asMap(branch.value());
            Node items = body == null ? null : body.get("Statement");
            if (items == null) {
                continue;
            }
            for (Alternative item : evaluator.elements(items)) {
                MapNode statement = IamIndex.asMap(item.value());
                if (statement != null) {
                    List<String> conditions = new ArrayList<>(branch.conditions());
                    conditions.addAll(item.conditions());
                    statements.add(new PolicyStatement(statement, conditions, owner));
                }
            }
        }
        return statements;
    }

    /** Compares every component, as the generated method does; see {@link RecordHash}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyDocument policy
                && Objects.equals(document, policy.document)
                && Objects.equals(owner, policy.owner);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(document, owner);
    }
}
