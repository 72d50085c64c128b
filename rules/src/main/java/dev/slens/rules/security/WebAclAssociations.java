package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code ResourceArn} of each web ACL association in a template (WAFv2 and WAF
 * Classic Regional) as text, with references written as placeholders such as
 * <code>{{ref:Api}}</code>, so rules can tell which API or stage an association protects.
 */
final class WebAclAssociations {

    private static final List<String> TYPES = List.of("AWS::WAFv2::WebACLAssociation",
            "AWS::WAFRegional::WebACLAssociation");

    private WebAclAssociations() {
    }

    /** Returns every text the associations' {@code ResourceArn} values may take. */
    static List<String> resourceArns(RuleContext context) {
        List<String> result = new ArrayList<>();
        for (String type : TYPES) {
            for (Resource association : context.template().resourcesOfType(type)) {
                if (association.property("ResourceArn") == null) {
                    continue;
                }
                for (Alternative arn
                        : context.evaluator().alternatives(association.property("ResourceArn"))) {
                    if (arn.value() instanceof Value.Text text) {
                        result.add(text.text());
                    }
                }
            }
        }
        return result;
    }

    /** Returns whether the template has an association whose ARN cannot be read. */
    static boolean anyUnknown(RuleContext context) {
        for (String type : TYPES) {
            for (Resource association : context.template().resourcesOfType(type)) {
                if (association.property("ResourceArn") != null && context.evaluator()
                        .alternatives(association.property("ResourceArn")).stream()
                        .anyMatch(a -> !(a.value() instanceof Value.Text))) {
                    return true;
                }
            }
        }
        return false;
    }
}
