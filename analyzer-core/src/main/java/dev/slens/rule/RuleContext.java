package dev.slens.rule;

import dev.slens.index.Evaluator;
import dev.slens.index.TemplateIndex;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The view a rule has of one template, and the factory for its findings. */
public final class RuleContext {

    /** The metadata key in which the AWS CDK records a resource's construct path. */
    public static final String CDK_PATH = "aws:cdk:path";

    private final RuleMetadata rule;
    private final TemplateIndex index;
    private final LocalDate today;
    private final Map<String, String> parameters;

    /** Creates the context of one rule on one template; {@code today} dates time-bound checks. */
    public RuleContext(RuleMetadata rule, TemplateIndex index, LocalDate today) {
        this(rule, index, today, Map.of());
    }

    /**
     * Creates the context of one rule on one template, with the parameter values the
     * configuration sets for the rule. Parameters it does not set keep their defaults.
     */
    public RuleContext(RuleMetadata rule, TemplateIndex index, LocalDate today,
            Map<String, String> parameters) {
        this.rule = rule;
        this.index = index;
        this.today = today;
        this.parameters = Map.copyOf(parameters);
    }

    /** Returns the date the analysis counts as today, for checks such as runtime deprecation. */
    public LocalDate today() {
        return today;
    }

    /**
     * Returns the value of the rule's parameter {@code name}: the configured one, else the
     * default its {@link RuleInfo} declares.
     *
     * @throws IllegalArgumentException when the rule declares no such parameter
     */
    public String parameter(String name) {
        RuleMetadata.Parameter declared = rule.parameter(name).orElseThrow(
                () -> new IllegalArgumentException("Rule " + rule.id()
                        + " declares no parameter '" + name + "'"));
        return parameters.getOrDefault(name, declared.defaultValue());
    }

    /**
     * Returns the value of the rule's whole-number parameter {@code name}.
     *
     * @throws IllegalArgumentException when the rule declares no such parameter or its value
     *     is not a whole number
     */
    public int intParameter(String name) {
        String text = parameter(name).strip();
        RuleMetadata.Parameter declared = rule.parameter(name).orElseThrow();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' of rule " + rule.id()
                    + " must be a whole number, not '" + text + "'", e);
        }
        if (!declared.accepts(value)) {
            throw new IllegalArgumentException("Parameter '" + name + "' of rule " + rule.id()
                    + " must be from " + declared.min() + " to " + declared.max() + ", not "
                    + value);
        }
        return value;
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

    /**
     * Returns the fix a message about resource {@code logicalId} should give: {@code serverless},
     * which names the {@code serverless.yml} setting, when the resource was generated from a
     * Serverless Framework service file, else {@code template}, which names the CloudFormation
     * or SAM property.
     */
    public String fix(String logicalId, String template, String serverless) {
        boolean fromService = template().sourceFormat(logicalId)
                == TemplateFormat.SERVERLESS_FRAMEWORK;
        return fromService ? serverless : template;
    }

    /**
     * Returns whether {@code value}, a property of {@code resource}, is a default that the
     * Serverless Framework fills in (runtime, timeout 6, memory size 1024) rather than a value
     * the user wrote. The expander gives such defaults the span of the function's key, which is
     * also the span of the generated function, while a written value keeps its own span.
     */
    public boolean isFrameworkDefault(Resource resource, Node value) {
        return value != null && resource != null
                && template().sourceFormat(resource.logicalId())
                        == TemplateFormat.SERVERLESS_FRAMEWORK
                && value.span().isKnown() && value.span().equals(resource.span());
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
     * 'OrdersStack/Worker/Resource'.". The finding is in the file of {@code span}, which is the
     * template's own file unless the node came from a file the template includes.
     */
    public Finding finding(Severity severity, SourceSpan span, String logicalId, String message) {
        return finding(severity, span, logicalId, message, List.of());
    }

    /**
     * Creates a finding of this rule at {@code severity} with {@code related} places, such as the
     * event that makes a function synchronous or the consumer of a queue. The message gains the
     * resource's condition and CDK construct path as described above.
     */
    public Finding finding(Severity severity, SourceSpan span, String logicalId, String message,
            List<Finding.Related> related) {
        return new Finding(rule.id(), severity,
                withConstructPath(logicalId, withCondition(logicalId, message)),
                span.fileOr(template().file()), span, logicalId, related);
    }

    /** Creates a finding of this rule at its default severity in {@code file}, as below. */
    public Finding finding(SourceFile file, SourceSpan span, String logicalId, String message) {
        return finding(rule.severity(), file, span, logicalId, message);
    }

    /**
     * Creates a finding of this rule at {@code severity} in {@code file}, a file other than the
     * template whose content the template uses, such as the state machine definition that a SAM
     * {@code DefinitionUri} names. The message gains the resource's condition and CDK construct
     * path as described above.
     */
    public Finding finding(Severity severity, SourceFile file, SourceSpan span, String logicalId,
            String message) {
        return new Finding(rule.id(), severity,
                withConstructPath(logicalId, withCondition(logicalId, message)),
                file, span, logicalId, List.of());
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
