package dev.slens.config;

import dev.slens.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves rule selectors: a rule ID, an ID another tool uses for the same check (an alias), a
 * pillar such as {@code security}, or a tag such as {@code lambda}. Case is ignored.
 */
public final class RuleSelection {

    private final List<RuleMetadata> rules;

    /** Creates a resolver over {@code rules}, the rules that may be switched on or off. */
    public RuleSelection(List<RuleMetadata> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Returns whether each rule the selectors match is on or off. A selector that names one rule
     * wins over a pillar or tag; among selectors of the same kind, {@code disable} wins.
     *
     * @throws IllegalArgumentException naming the first selector that matches no rule
     */
    public Map<String, Boolean> decide(List<String> enable, List<String> disable) {
        for (String selector : concat(enable, disable)) {
            if (matching(selector).isEmpty()) {
                throw new IllegalArgumentException(unknownMessage(selector));
            }
        }
        Map<String, Boolean> decisions = new LinkedHashMap<>();
        for (RuleMetadata rule : rules) {
            Boolean byId = decision(rule, enable, disable, true);
            Boolean byGroup = decision(rule, enable, disable, false);
            Boolean decided = byId != null ? byId : byGroup;
            if (decided != null) {
                decisions.put(rule.id(), decided);
            }
        }
        return decisions;
    }

    /** Returns the rules {@code selector} matches, empty when it is unknown. */
    public List<RuleMetadata> matching(String selector) {
        Optional<RuleMetadata> single = rule(selector);
        if (single.isPresent()) {
            return List.of(single.get());
        }
        return rules.stream().filter(rule -> inGroup(rule, selector)).toList();
    }

    /** Returns the rule whose ID or alias is {@code name}. */
    public Optional<RuleMetadata> rule(String name) {
        String wanted = name.strip();
        return rules.stream().filter(rule -> rule.id().equalsIgnoreCase(wanted)
                || rule.aliases().stream().anyMatch(wanted::equalsIgnoreCase)).findFirst();
    }

    /** Returns every name a selector may use, for "did you mean" hints. */
    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (RuleMetadata rule : rules) {
            names.add(rule.id());
            names.addAll(rule.aliases());
            names.add(rule.pillar().packageName());
            names.addAll(rule.tags());
        }
        return names;
    }

    /** Returns the message for a selector that matches no rule, with the closest name. */
    public String unknownMessage(String selector) {
        return "unknown rule, pillar or tag '" + selector + "'" + ClosestName.hint(selector,
                names());
    }

    /** Returns the decision of the selectors of one kind about {@code rule}, or null. */
    private Boolean decision(RuleMetadata rule, List<String> enable, List<String> disable,
            boolean byId) {
        if (disable.stream().anyMatch(s -> matches(rule, s, byId))) {
            return false;
        }
        return enable.stream().anyMatch(s -> matches(rule, s, byId)) ? true : null;
    }

    private boolean matches(RuleMetadata rule, String selector, boolean byId) {
        if (byId) {
            return rule(selector).map(found -> found.id().equals(rule.id())).orElse(false);
        }
        return rule(selector).isEmpty() && inGroup(rule, selector);
    }

    private static boolean inGroup(RuleMetadata rule, String selector) {
        String wanted = selector.strip();
        return rule.pillar().packageName().equalsIgnoreCase(wanted)
                || rule.tags().stream().anyMatch(wanted::equalsIgnoreCase);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
