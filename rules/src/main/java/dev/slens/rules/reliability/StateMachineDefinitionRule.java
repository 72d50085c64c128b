package dev.slens.rules.reliability;

import dev.slens.index.AslGraph;
import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.MapNode;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL5003",
        name = "StateMachineDefinition",
        summary = "State machine definitions are valid Amazon States Language",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "concepts-amazon-states-language.html",
        tags = {"step-functions", "correctness"},
        aliases = {"E3601"})
public final class StateMachineDefinitionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            if (definition.problem() != null) {
                findings.add(context.finding(definition.problemSpan(),
                        definition.machine().logicalId(), "State machine '"
                        + definition.machine().logicalId() + "': " + definition.problem()
                        + "; Step Functions rejects it. Fix the definition."));
                continue;
            }
            for (AslGraph graph : definition.graphs()) {
                checkGraph(context, definition, graph, findings);
            }
        }
        return findings;
    }

    private static void checkGraph(RuleContext context, StateMachineDefinition definition,
            AslGraph graph, List<Finding> findings) {
        String subject = "The workflow" + graph.where() + " of state machine '"
                + definition.machine().logicalId() + "'" + definition.qualifier();
        MapNode.Entry states = graph.node().entry("States");
        if (states == null || states.value().asMap() == null || graph.states().isEmpty()) {
            findings.add(StateMachineStates.finding(context, definition,
                    states == null ? graph.node().span() : states.keySpan(), subject
                    + " has no States; add a mapping of state names to states."));
            return;
        }
        MapNode.Entry startAt = graph.node().entry("StartAt");
        if (startAt == null) {
            findings.add(StateMachineStates.finding(context, definition, graph.node().span(),
                    subject + " has no StartAt; set it to the name of the first state."));
        } else if (!StateTransitions.exists(graph, startAt.value())) {
            findings.add(StateMachineStates.finding(context, definition,
                    startAt.value().span(), subject + " starts at '" + startAt.value().text()
                    + "', which is not one of its states; set StartAt to a state name."));
        }
        for (AslState state : graph.states()) {
            new StateChecks(context, definition, graph, state, findings).check();
        }
    }
}
