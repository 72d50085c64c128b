package dev.slens.rule;

import dev.slens.index.Evaluator;
import dev.slens.index.TemplateIndex;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The view a rule has of one template, and the factory for its findings. */
public final class RuleContext {

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
     * configuration sets for the rule; parameters it does not set keep their defaults.
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
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter '" + name + "' of rule " + rule.id()
                    + " must be a whole number, not '" + text + "'", e);
        }
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

    /** Creates a finding of this rule at {@code severity}. */
    public Finding finding(Severity severity, SourceSpan span, String logicalId, String message) {
        return finding(severity, span, logicalId, message, List.of());
    }

    /**
     * Creates a finding of this rule at {@code severity} with {@code related} places, such as the
     * event that makes a function synchronous or the consumer of a queue.
     */
    public Finding finding(Severity severity, SourceSpan span, String logicalId, String message,
            List<Finding.Related> related) {
        return new Finding(rule.id(), severity, message, template().file(), span, logicalId,
                related);
    }
}
