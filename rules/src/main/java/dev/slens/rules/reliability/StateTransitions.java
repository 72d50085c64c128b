package dev.slens.rules.reliability;

import dev.slens.index.AslGraph;
import dev.slens.index.AslState;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The transitions between the states of one workflow. */
final class StateTransitions {

    private StateTransitions() {
    }

    /**
     * Returns the nodes that name the states {@code state} may go to: {@code Next}, a Choice
     * state's {@code Default} and the {@code Next} of each choice rule, and the {@code Next}
     * of each {@code Catch} entry.
     */
    static List<Node> targets(AslState state) {
        List<Node> targets = new ArrayList<>();
        if (state.node() == null) {
            return targets;
        }
        add(targets, state.node().get("Next"));
        add(targets, state.node().get("Default"));
        for (String key : List.of("Choices", "Catch")) {
            ListNode list = state.node().get(key) == null ? null : state.node().get(key).asList();
            for (Node item : list == null ? List.<Node>of() : list.items()) {
                MapNode map = item.asMap();
                add(targets, map == null ? null : map.get("Next"));
            }
        }
        return targets;
    }

    /**
     * Returns whether {@code name} names a state of {@code graph}. A name that is a
     * placeholder or not text counts as existing, because it cannot be checked.
     */
    static boolean exists(AslGraph graph, Node name) {
        String text = name.text();
        return text == null || text.contains("${") || graph.state(text) != null;
    }

    /** Returns the names of the states reachable from {@code StartAt}. */
    static Set<String> reachable(AslGraph graph, String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            AslState state = graph.state(queue.removeFirst());
            if (state == null || !seen.add(state.name())) {
                continue;
            }
            for (Node target : targets(state)) {
                if (target.text() != null) {
                    queue.add(target.text());
                }
            }
        }
        return seen;
    }

    private static void add(List<Node> targets, Node target) {
        if (target != null) {
            targets.add(target);
        }
    }
}
