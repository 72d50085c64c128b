package dev.slens.engine;

import dev.slens.rule.Rule;
import dev.slens.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** The rules found through {@link ServiceLoader}, sorted by ID. */
public final class RuleRegistry {

    private final List<Rule> rules;

    public RuleRegistry(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(r -> r.metadata().id()));
        this.rules = List.copyOf(sorted);
    }

    /** Loads every rule registered in {@code META-INF/services/dev.slens.rule.Rule}. */
    public static RuleRegistry load(ClassLoader loader) {
        List<Rule> found = new ArrayList<>();
        ServiceLoader.load(Rule.class, loader).forEach(found::add);
        return new RuleRegistry(found);
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Returns the metadata of every rule, in ID order. */
    public List<RuleMetadata> metadata() {
        return rules.stream().map(Rule::metadata).toList();
    }
}
