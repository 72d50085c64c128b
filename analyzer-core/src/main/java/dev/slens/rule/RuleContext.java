package dev.slens.rule;

import dev.slens.index.Evaluator;
import dev.slens.index.TemplateIndex;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.time.LocalDate;
import java.util.List;

/** The view a rule has of one template, and the factory for its findings. */
public final class RuleContext {

    /** The metadata key in which the AWS CDK records a resource's construct path. */
    public static final String CDK_PATH = "aws:cdk:path";

    private final RuleMetadata rule;
    private final TemplateIndex index;
    private final LocalDate today;

    /** Creates the context of one rule on one template; {@code today} dates time-bound checks. */
    public RuleContext(RuleMetadata rule, TemplateIndex index, LocalDate today) {
        this.rule = rule;
        this.index = index;
        this.today = today;
    }

    /** Returns the date the analysis counts as today, for checks such as runtime deprecation. */
    public LocalDate today() {
        return today;
    }

    public Template template() {
        return index.template();
    }

    public TemplateIndex index() {
        return index;
    }

    public Evaluator evaluator() {
        return index.evaluator();
    }

    /** Creates a finding of this rule at its default severity. */
    public Finding finding(SourceSpan span, String logicalId, String message) {
        return finding(rule.severity(), span, logicalId, message);
    }

    /**
     * Creates a finding of this rule at {@code severity}. When the resource {@code logicalId}
     * has a resource-level {@code Condition} that the message does not name yet, a sentence
     * naming it is appended, such as "Resource 'Orders' exists only when condition 'IsProd' is
     * true.", because the finding matters only in stacks where that condition holds. A
     * resource synthesized by the AWS CDK also gets its construct path, such as "CDK construct:
     * 'OrdersStack/Worker/Resource'.".
     */
    public Finding finding(Severity severity, SourceSpan span, String logicalId, String message) {
        return new Finding(rule.id(), severity,
                withConstructPath(logicalId, withCondition(logicalId, message)),
                template().file(), span, logicalId, List.of());
    }

    /**
     * Appends the construct path that the AWS CDK writes in a resource's
     * {@code aws:cdk:path} metadata, so a finding in synthesized {@code cdk.out} output
     * points back at the construct in the CDK code.
     */
    private String withConstructPath(String logicalId, String message) {
        MapNode definition = logicalId == null ? null
                : template().resourceDefinitions().getMap(logicalId);
        MapNode metadata = definition == null ? null : definition.getMap("Metadata");
        String path = metadata == null ? null : metadata.getText(CDK_PATH);
        return path == null ? message : message + " CDK construct: '" + path + "'.";
    }

    private String withCondition(String logicalId, String message) {
        Resource resource = logicalId == null ? null : template().resource(logicalId);
        String condition = resource == null ? null : resource.condition();
        if (condition == null || message.contains("condition '" + condition + "'")) {
            return message;
        }
        return message + " Resource '" + logicalId + "' exists only when condition '"
                + condition + "' is true.";
    }
}
