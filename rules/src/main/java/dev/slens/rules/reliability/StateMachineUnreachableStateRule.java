package dev.slens.rules.reliability;

import dev.slens.index.AslGraph;
import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL5004",
        name = "StateMachineUnreachableState",
        summary = "Every state of a state machine can be reached from StartAt",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "statemachine-structure.html",
        tags = {"step-functions", "correctness"},
        aliases = {"E3601"})
public final class StateMachineUnreachableStateRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslGraph graph : definition.graphs()) {
                String start = graph.node().getText("StartAt");
                if (start == null || graph.state(start) == null || hasUnknownTarget(graph)) {
                    continue;
                }
                Set<String> reachable = StateTransitions.reachable(graph, start);
                for (AslState state : graph.states()) {
                    if (!reachable.contains(state.name())) {
                        findings.add(StateMachineStates.finding(context, definition,
                                state.nameSpan(), StateMachineStates.describe(definition, state)
                                + " cannot be reached from StartAt '" + start + "', so it never"
                                + " runs; go to it from another state or remove it."));
                    }
                }
            }
        }
        return findings;
    }

    /** Returns whether a transition names its target by a placeholder or not as text. */
    private static boolean hasUnknownTarget(AslGraph graph) {
        return graph.states().stream().flatMap(s -> StateTransitions.targets(s).stream())
                .anyMatch(target -> target.text() == null || target.text().contains("${"));
    }
}
