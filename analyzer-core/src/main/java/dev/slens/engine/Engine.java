package dev.slens.engine;

import dev.slens.index.TemplateIndex;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleMetadata;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rules on one template. A rule that throws becomes an SL0003 finding naming the rule, and
 * the other rules still run.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final List<Rule> rules;
    private final LocalDate today;

    public Engine(List<Rule> rules, LocalDate today) {
        this.rules = List.copyOf(rules);
        this.today = today;
    }

    /** Returns the findings of every rule on {@code template}. */
    public List<Finding> run(Template template) {
        TemplateIndex index = new TemplateIndex(template);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            try {
                findings.addAll(rule.check(new RuleContext(metadata, index, today)));
            } catch (RuntimeException e) {
                LOG.debug("Rule {} failed on {}", metadata.id(), template.file().displayPath(), e);
                findings.add(new Finding(EngineChecks.RULE_FAILURE.id(),
                        EngineChecks.RULE_FAILURE.severity(), "Rule " + metadata.id()
                        + " failed on this template: " + e + ". Please report this as a bug.",
                        template.file(), dev.slens.model.SourceSpan.at(1, 1), null, List.of()));
            }
        }
        return findings;
    }
}
