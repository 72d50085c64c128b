package dev.slens.rules.reliability;

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
        id = "SL5011",
        name = "StateMachineTaskHeartbeat",
        summary = "Tasks that wait for a task token set a heartbeat",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "connect-to-resource.html#connect-wait-token",
        tags = {"step-functions", "resilience"})
public final class StateMachineTaskHeartbeatRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslState state : definition.states()) {
                MapNode.Entry resource = state.field("Resource");
                String arn = resource == null ? null : resource.value().text();
                boolean waits = arn != null && arn.endsWith(".waitForTaskToken");
                boolean beats = state.field("HeartbeatSeconds") != null
                        || state.field("HeartbeatSecondsPath") != null;
                if ("Task".equals(state.type()) && waits && !beats) {
                    findings.add(StateMachineStates.finding(context, definition,
                            state.nameSpan(), StateMachineStates.describe(definition, state)
                            + " waits for a task token without HeartbeatSeconds, so a worker"
                            + " that lost the token leaves it waiting until its timeout; set"
                            + " HeartbeatSeconds and have the worker call"
                            + " SendTaskHeartbeat."));
                }
            }
        }
        return findings;
    }
}
