package dev.slens.index;

import dev.slens.model.Node;
import dev.slens.model.Resource;

/**
 * An IAM policy document that applies to a role.
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
}
