package dev.slens.rules.reliability;

import dev.slens.index.AslGraph;
import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import java.util.List;
import java.util.Set;

/** The checks of {@link StateMachineDefinitionRule} on one state. */
final class StateChecks {

    private static final Set<String> TYPES = Set.of("Task", "Pass", "Choice", "Wait",
            "Succeed", "Fail", "Parallel", "Map");
    /** Types that need exactly one of Next and End, because they either move on or end. */
    private static final Set<String> FLOWING = Set.of("Task", "Pass", "Wait", "Parallel", "Map");

    private final RuleContext context;
    private final StateMachineDefinition definition;
    private final AslGraph graph;
    private final AslState state;
    private final List<Finding> findings;
    private final String subject;

    StateChecks(RuleContext context, StateMachineDefinition definition, AslGraph graph,
            AslState state, List<Finding> findings) {
        this.context = context;
        this.definition = definition;
        this.graph = graph;
        this.state = state;
        this.findings = findings;
        this.subject = StateMachineStates.describe(definition, state);
    }

    void check() {
        MapNode node = state.node();
        if (node == null) {
            report(state.nameSpan(), " is not a mapping; write the state as a mapping with a"
                    + " Type.");
            return;
        }
        String type = state.type();
        if (type == null) {
            report(state.nameSpan(), " has no Type; set one of " + sorted(TYPES) + ".");
        } else if (!TYPES.contains(type)) {
            report(node.get("Type").span(), " has Type '" + type + "', which is not a state"
                    + " type; use one of " + sorted(TYPES) + ".");
        } else {
            checkType(node, type);
        }
        for (Node target : StateTransitions.targets(state)) {
            if (!StateTransitions.exists(graph, target)) {
                report(target.span(), " goes to '" + target.text() + "', which is not a state"
                        + " of its workflow; name one of its states.");
            }
        }
    }

    private void checkType(MapNode node, String type) {
        boolean next = node.has("Next");
        MapNode.Entry end = node.entry("End");
        boolean ends = end != null && "true".equals(end.value().text());
        if (FLOWING.contains(type) && !next && !ends) {
            report(state.nameSpan(), " has neither Next nor 'End: true'; set Next to the"
                    + " following state or End to true.");
        } else if (FLOWING.contains(type) && next && end != null) {
            report(end.keySpan(), " has both Next and End; keep only one of them.");
        } else if (!FLOWING.contains(type) && (next || end != null)) {
            SourceSpan at = next ? node.entry("Next").keySpan() : end.keySpan();
            report(at, " is a " + type + " state, which takes neither Next nor End; remove "
                    + (next ? "Next" : "End") + ".");
        }
        if (type.equals("Task") && !node.has("Resource")) {
            report(state.nameSpan(), " is a Task without Resource; set the ARN of the"
                    + " integration, activity or function it runs.");
        } else if (type.equals("Parallel") && state.children().isEmpty()) {
            report(state.nameSpan(), " is a Parallel state without Branches; add at least"
                    + " one branch.");
        } else if (type.equals("Map") && state.children().isEmpty()) {
            report(state.nameSpan(), " is a Map state without ItemProcessor; add the"
                    + " workflow that processes each item.");
        } else if (type.equals("Choice") && (node.get("Choices") == null
                || node.get("Choices").asList() == null
                || node.get("Choices").asList().size() == 0)) {
            report(state.nameSpan(), " is a Choice state without Choices; add at least one"
                    + " choice rule.");
        }
    }

    private void report(SourceSpan span, String problem) {
        findings.add(StateMachineStates.finding(context, definition, span, subject + problem));
    }

    private static String sorted(Set<String> types) {
        return String.join(", ", new java.util.TreeSet<>(types));
    }
}
