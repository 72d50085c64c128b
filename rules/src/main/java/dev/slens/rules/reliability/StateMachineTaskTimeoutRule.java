package dev.slens.rules.reliability;

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

@RuleInfo(
        id = "SL5010",
        name = "StateMachineTaskTimeout",
        summary = "Task states set a timeout",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "sfn-best-practices.html#use-timeouts-to-avoid-stuck-executions",
        tags = {"step-functions", "resilience"})
public final class StateMachineTaskTimeoutRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslState state : definition.states()) {
                boolean timed = state.field("TimeoutSeconds") != null
                        || state.field("TimeoutSecondsPath") != null;
                if ("Task".equals(state.type()) && !timed) {
                    findings.add(StateMachineStates.finding(context, definition,
                            state.nameSpan(), StateMachineStates.describe(definition, state)
                            + " is a Task without TimeoutSeconds, so it waits as long as the"
                            + " execution may run (a year for Standard workflows) when the"
                            + " service it calls never answers; set TimeoutSeconds or"
                            + " TimeoutSecondsPath."));
                }
            }
        }
        return findings;
    }
}
