package dev.slens.rules;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Environment.Variables} maps of a function, one for each {@code Fn::If} branch that
 * gives a map. SAM functions arrive here with their Globals already merged.
 */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /**
     * One variables map a function may deploy with.
     *
     * @param variables the map of names to values
     * @param qualifier the condition phrase for messages, or "" when unconditional
     * @param span where a finding about the whole map points: its {@code Variables} key
     */
    public record Branch(MapNode variables, String qualifier, SourceSpan span) { }

    /** Returns the variables maps of {@code function}; empty when it sets none. */
    public static List<Branch> of(Evaluator evaluator, Resource function) {
        List<Branch> branches = new ArrayList<>();
        Node environment = function.property("Environment");
        if (environment == null) {
            return branches;
        }
        for (Alternative outer : evaluator.alternatives(environment)) {
            MapNode map = Settings.map(outer.value());
            MapNode.Entry entry = map == null ? null : map.entry("Variables");
            if (entry == null) {
                continue;
            }
            Node variables = entry.value();
            for (Alternative inner : evaluator.alternatives(variables)) {
                MapNode values = Settings.map(inner.value());
                if (values != null) {
                    String qualifier = outer.qualifier().isEmpty() ? inner.qualifier()
                            : outer.qualifier();
                    branches.add(new Branch(values, qualifier, entry.keySpan()));
                }
            }
        }
        return branches;
    }
}
