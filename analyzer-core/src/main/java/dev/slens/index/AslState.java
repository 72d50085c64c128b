package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * One state of an Amazon States Language definition.
 *
 * @param name the state's name, its key under {@code States}
 * @param nameSpan the place of that key
 * @param node the state's fields, or {@code null} when the state is not a mapping
 * @param type the text of its {@code Type}, or {@code null} when missing or not text
 * @param where where the state sits, for messages: empty at the top level, else such as
 *     " in branch 2 of 'Fan'"
 * @param children the workflows it runs: a {@code Parallel} state's branches, a {@code Map}
 *     state's {@code ItemProcessor} or {@code Iterator}
 */
public record AslState(String name, SourceSpan nameSpan, MapNode node, String type, String where,
        List<AslGraph> children) {

    public AslState {
        children = List.copyOf(children);
    }

    /** Returns the field {@code key}'s entry, or {@code null}. */
    public MapNode.Entry field(String key) {
        return node == null ? null : node.entry(key);
    }
}
