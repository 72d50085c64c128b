package dev.slens.index;

import dev.slens.model.MapNode;
import java.util.List;

/**
 * A workflow of an Amazon States Language definition: the whole definition, one branch of a
 * {@code Parallel} state or the processor of a {@code Map} state.
 *
 * @param node the mapping that contains {@code StartAt} and {@code States}
 * @param where where the workflow sits, for messages, as in {@link AslState#where()}
 * @param states its states in the order written; empty when {@code States} is not a mapping
 */
public record AslGraph(MapNode node, String where, List<AslState> states) {

    public AslGraph {
        states = List.copyOf(states);
    }

    /** Returns the state {@code name} of this workflow, or {@code null}. */
    public AslState state(String name) {
        for (AslState state : states) {
            if (state.name().equals(name)) {
                return state;
            }
        }
        return null;
    }
}
