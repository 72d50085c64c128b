package dev.slens.internal.suppress;

import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Suppression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the findings of one template that its {@code Metadata} suppresses, and reports the
 * suppressions themselves: SL0006 for one of slens's own without a reason, which is then not
 * applied, and SL0007 for one that matches no finding.
 *
 * <p>A suppression names a slens rule ID or one of the rule's aliases, which are the IDs of the
 * same check in cfn-lint, serverless-rules, cfn_nag and other tools. A suppression on a resource
 * also covers findings on the resources that SAM generates from it, such as the role
 * {@code <Function>Role}. Parse errors (SL0001) and rule failures (SL0003) are never suppressed.
 */
public final class SuppressionFilter {

    private final Map<String, RuleMetadata> rules;
    private final boolean reasonRequired;

    /** Creates a filter that resolves aliases through {@code rules}, keyed by rule ID. */
    public SuppressionFilter(Map<String, RuleMetadata> rules) {
        this(rules, true);
    }

    /**
     * Creates a filter that resolves aliases through {@code rules}, keyed by rule ID.
     * {@code reasonRequired} sets whether a suppression in slens's own form needs a reason to
     * apply; other tools' forms never do, because teams bring them from those tools as written.
     */
    public SuppressionFilter(Map<String, RuleMetadata> rules, boolean reasonRequired) {
        this.rules = Map.copyOf(rules);
        this.reasonRequired = reasonRequired;
    }

    /**
     * Returns {@code findings}, each suppressed one marked, followed by the findings about the
     * suppressions written in {@code template}.
     */
    public List<Finding> apply(Template template, List<Finding> findings) {
        List<DeclaredSuppression> declared = SuppressionReader.read(template);
        if (declared.isEmpty()) {
            return findings;
        }
        List<DeclaredSuppression> applicable = declared.stream()
                .filter(d -> !lacksRequiredReason(d)).toList();
        Set<DeclaredSuppression> used = new HashSet<>();

        List<Finding> out = new ArrayList<>();
        for (Finding finding : findings) {
            out.add(suppress(template, finding, applicable, used));
        }

        for (DeclaredSuppression suppression : declared) {
            if (lacksRequiredReason(suppression)) {
                out.add(finding(template, EngineChecks.SUPPRESSION_WITHOUT_REASON, suppression,
                        "The suppression of '" + suppression.checkId() + "' "
                        + suppression.place() + " has no reason, so it is not applied; add"
                        + " a reason saying why the finding does not apply."));
            } else if (!used.contains(suppression) && isKnownCheck(suppression.checkId())) {
                out.add(finding(template, EngineChecks.UNUSED_SUPPRESSION, suppression,
                        unusedMessage(suppression)));
            }
        }
        return out;
    }

    private boolean lacksRequiredReason(DeclaredSuppression suppression) {
        return reasonRequired && suppression.lacksReason();
    }

    private Finding suppress(Template template, Finding finding,
            List<DeclaredSuppression> applicable, Set<DeclaredSuppression> used) {
        if (EngineChecks.UNSUPPRESSIBLE.contains(finding.ruleId()) || finding.suppressed()) {
            return finding;
        }
        Set<String> owners = owners(template, finding.logicalId());
        DeclaredSuppression first = null;
        for (DeclaredSuppression suppression : applicable) {
            boolean inScope = suppression.scope() == null || owners.contains(suppression.scope());
            if (inScope && names(suppression.checkId(), finding.ruleId())) {
                used.add(suppression);
                first = first == null ? suppression : first;
            }
        }
        if (first == null) {
            return finding;
        }
        return finding.withSuppression(new Suppression(Suppression.Kind.IN_SOURCE,
                blankToNull(first.reason()), first.span()));
    }

    /**
     * Returns {@code logicalId} and the IDs of the resources it was generated from, since a
     * suppression on a SAM resource covers what SAM generates from it.
     */
    private static Set<String> owners(Template template, String logicalId) {
        Set<String> owners = new LinkedHashSet<>();
        String id = logicalId;
        while (id != null && owners.add(id)) {
            Resource resource = template.resource(id);
            id = resource == null ? null : resource.generatedFrom();
        }
        return owners;
    }

    /**
     * Returns whether {@code checkId} is the rule {@code ruleId} or one of its aliases. Case is
     * ignored, so a suppression of 'sl1002' is not silently lost.
     */
    private boolean names(String checkId, String ruleId) {
        if (checkId.equalsIgnoreCase(ruleId)) {
            return true;
        }
        RuleMetadata rule = rules.get(ruleId);
        return rule != null && rule.aliases().stream().anyMatch(checkId::equalsIgnoreCase);
    }

    /**
     * Returns whether {@code checkId} is a slens ID or an alias of a slens rule. Another tool's
     * suppression of a check that slens does not make is left alone, because that tool needs it.
     */
    private boolean isKnownCheck(String checkId) {
        return checkId.regionMatches(true, 0, "SL", 0, 2) || rules.values().stream()
                .anyMatch(rule -> rule.aliases().stream().anyMatch(checkId::equalsIgnoreCase));
    }

    private static String unusedMessage(DeclaredSuppression suppression) {
        String text = "The " + suppression.form().toolName() + " suppression of '"
                + suppression.checkId() + "' " + suppression.place() + " matches no finding";
        if (suppression.form() == DeclaredSuppression.Form.SLENS) {
            return text + "; remove it.";
        }
        return text + " of slens; remove it unless " + suppression.form().toolName()
                + " still needs it.";
    }

    private static Finding finding(Template template, RuleMetadata check,
            DeclaredSuppression suppression, String message) {
        return new Finding(check.id(), check.severity(), message, template.file(),
                suppression.span(), suppression.scope(), List.of());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
