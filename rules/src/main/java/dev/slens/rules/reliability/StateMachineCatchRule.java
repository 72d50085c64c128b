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
        id = "SL5014",
        name = "StateMachineCatch",
        summary = "Task, Map and Parallel states catch the errors they may raise",
        severity = Severity.INFO,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "concepts-error-handling.html#error-handling-fallback-states",
        tags = {"step-functions", "resilience"})
public final class StateMachineCatchRule implements Rule {

    /** The state types that run work which can fail, and so take a Catch field. */
    private static final Set<String> FALLIBLE = Set.of("Task", "Map", "Parallel");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            if (definition.root() != null) {
                visit(context, definition, definition.root(), findings);
            }
        }
        return findings;
    }

    /**
     * Reports the fallible states of {@code graph} without Catch, and goes into the workflows
     * of states that have none. An error in a branch or item processor that the nested states
     * leave uncaught goes to the enclosing Parallel or Map state, so a Catch there covers them.
     */
    private static void visit(RuleContext context, StateMachineDefinition definition,
            AslGraph graph, List<Finding> findings) {
        for (AslState state : graph.states()) {
            if (!FALLIBLE.contains(state.type()) || state.field("Catch") != null) {
                continue;
            }
            findings.add(StateMachineStates.finding(context, definition, state.nameSpan(),
                    StateMachineStates.describe(definition, state) + " is a " + state.type()
                    + " state without Catch, so an error that its retries do not resolve"
                    + " fails the execution without a fallback; add a Catch that goes to a"
                    + " state that records or compensates the failure."));
            for (AslGraph child : state.children()) {
                visit(context, definition, child, findings);
            }
        }
    }
}
