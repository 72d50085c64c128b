package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of an IAM policy document, reached through {@code Fn::If} at any level.
 *
 * @param node the statement as written, or as a SAM policy template expands to
 * @param conditions the {@code Fn::If} branches taken to reach it, such as
 *     "condition 'IsDev' is true"
 * @param owner the resource the statement is written in: a role, user, group, key, queue,
 *     topic or policy resource
 */
public record PolicyStatement(MapNode node, List<String> conditions, Resource owner) {

    private static final String TRUE = " is true";
    private static final String FALSE = " is false";

    public PolicyStatement {
        conditions = List.copyOf(conditions);
    }

    /** Returns where the statement is written; for a SAM policy template, the template name. */
    public SourceSpan span() {
        return node.span();
    }

    /**
     * Returns this statement once for each branch of {@code Effect} that is {@code Allow}, with
     * that branch's conditions added, so a finding names when the statement allows.
     */
    public List<PolicyStatement> allowing(Evaluator evaluator) {
        return withEffect(evaluator, "Allow");
    }

    /** Returns this statement once for each branch of {@code Effect} that is {@code Deny}. */
    public List<PolicyStatement> denying(Evaluator evaluator) {
        return withEffect(evaluator, "Deny");
    }

    private List<PolicyStatement> withEffect(Evaluator evaluator, String expected) {
        Node effect = node.get("Effect");
        List<PolicyStatement> matching = new ArrayList<>();
        if (effect == null) {
            return matching;
        }
        for (Alternative alternative : evaluator.alternatives(effect)) {
            PolicyStatement branch = when(alternative.conditions());
            if (expected.equals(alternative.value().exactText())
                    && consistent(branch.conditions()) && !matching.contains(branch)) {
                matching.add(branch);
            }
        }
        return matching;
    }

    /** Returns this statement with {@code more} conditions after its own. */
    public PolicyStatement when(List<String> more) {
        List<String> all = new ArrayList<>(conditions);
        more.stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new PolicyStatement(node, all, owner);
    }

    /**
     * Returns the items of {@code key}, such as {@code Action} or {@code Resource}, each with
     * the values it may take; empty when the statement has no such key.
     */
    public List<Alternative> elements(Evaluator evaluator, String key) {
        return node.has(key) ? evaluator.elements(node.get(key)) : List.of();
    }

    /**
     * Returns the exact texts of {@code key} that hold together with this statement's
     * conditions; {@code null} stands for an item that could not be evaluated.
     */
    public List<String> texts(Evaluator evaluator, String key) {
        List<String> texts = new ArrayList<>();
        for (Alternative item : elements(evaluator, key)) {
            if (consistent(within(item).conditions())) {
                texts.add(item.value().exactText());
            }
        }
        return texts;
    }

    /** Returns {@code alternative} with this statement's conditions in front of its own. */
    public Alternative within(Alternative alternative) {
        return new Alternative(alternative.value(), when(alternative.conditions()).conditions(),
                alternative.via(), alternative.node());
    }

    /** Returns whether the statement has an IAM {@code Condition} block. */
    public boolean hasCondition() {
        return node.get("Condition") != null;
    }

    /**
     * Returns the SAM policy template this statement was expanded from, such as
     * {@code S3ReadPolicy}, or {@code null} when the user wrote it.
     */
    public String policyTemplate() {
        String sid = node.getText("Sid");
        return sid != null && sid.startsWith(PolicyDocument.SAM_POLICY_TEMPLATE_SID_PREFIX)
                ? sid.substring(PolicyDocument.SAM_POLICY_TEMPLATE_SID_PREFIX.length()) : null;
    }

    /**
     * Returns whether {@code conditions} can hold together: false when they require one
     * condition to be both true and false. They are read in the form the evaluator writes, such
     * as "condition 'IsProd' is true".
     */
    public static boolean consistent(List<String> conditions) {
        for (String condition : conditions) {
            if (condition.endsWith(TRUE) && conditions.contains(
                    condition.substring(0, condition.length() - TRUE.length()) + FALSE)) {
                return false;
            }
        }
        return true;
    }
}
