package dev.slens.engine;

import dev.slens.index.PackageLocations;
import dev.slens.index.TemplateIndex;
import dev.slens.internal.suppress.SuppressionFilter;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleMetadata;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs rules on one template, then applies the suppressions written in the template. A rule
 * that throws becomes an SL0003 finding naming the rule, and the other rules still run.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final List<Rule> rules;
    private final LocalDate today;
    private final SuppressionFilter suppressions;
    private final Map<String, Map<String, String>> ruleParameters;
    private final Path projectFolder;

    public Engine(List<Rule> rules, LocalDate today) {
        this(rules, today, Map.of());
    }

    /**
     * Creates an engine whose rules read the parameter values in {@code ruleParameters}, keyed
     * by rule ID and then by parameter name.
     */
    public Engine(List<Rule> rules, LocalDate today,
            Map<String, Map<String, String>> ruleParameters) {
        this(rules, today, ruleParameters, true);
    }

    /**
     * Creates an engine whose rules read {@code ruleParameters}; {@code reasonRequired} sets
     * whether a suppression in slens's own form needs a reason to apply.
     */
    public Engine(List<Rule> rules, LocalDate today,
            Map<String, Map<String, String>> ruleParameters, boolean reasonRequired) {
        this(rules, today, ruleParameters, reasonRequired, null);
    }

    /**
     * Creates an engine as above whose rules may read local files anywhere inside
     * {@code projectFolder}, such as deployment packages; when it is {@code null}, each
     * template's own folder is the limit.
     */
    public Engine(List<Rule> rules, LocalDate today,
            Map<String, Map<String, String>> ruleParameters, boolean reasonRequired,
            Path projectFolder) {
        this.projectFolder = projectFolder;
        this.rules = List.copyOf(rules);
        this.today = today;
        this.ruleParameters = Map.copyOf(ruleParameters);
        Map<String, RuleMetadata> metadata = new HashMap<>();
        EngineChecks.ALL.forEach(check -> metadata.put(check.id(), check));
        rules.forEach(rule -> metadata.put(rule.metadata().id(), rule.metadata()));
        this.suppressions = new SuppressionFilter(metadata, reasonRequired);
    }

    /** Returns the findings of every rule on {@code template}, suppressed ones marked. */
    public List<Finding> run(Template template) {
        return run(template, List.of());
    }

    /**
     * Returns {@code loadProblems}, the findings made while loading and expanding
     * {@code template}, and those of every rule on it, with the suppressions written in the
     * template applied to all of them.
     */
    public List<Finding> run(Template template, List<Finding> loadProblems) {
        List<Finding> findings = new ArrayList<>(loadProblems);
        findings.addAll(ValueVariants.merge(runRules(template), template));
        return suppressions.apply(template, findings);
    }

    private List<Finding> runRules(Template template) {
        TemplateIndex index = new TemplateIndex(template, projectFolder);
        List<Finding> findings = new ArrayList<>(PackageLocations.check(index));
        for (Rule rule : rules) {
            RuleMetadata metadata = rule.metadata();
            try {
                findings.addAll(rule.check(new RuleContext(metadata, index, today,
                        ruleParameters.getOrDefault(metadata.id(), Map.of()))));
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
