package dev.slens.index;

import dev.slens.model.Node;
import dev.slens.model.Resource;

/**
 * An IAM policy document that applies to a role.
 *
 * @param document the document node, possibly an intrinsic such as {@code Fn::If}
 * @param owner the resource the document is written in: the role or a policy resource
 */
public record PolicyDocument(Node document, Resource owner) { }
