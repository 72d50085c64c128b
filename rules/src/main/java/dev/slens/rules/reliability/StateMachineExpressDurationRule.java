package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL5016",
        name = "StateMachineExpressDuration",
        summary = "Express workflows only run steps that end within five minutes",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "choosing-workflow-type.html",
        tags = {"step-functions", "resilience"})
public final class StateMachineExpressDurationRule implements Rule {

    /** The maximum duration of an Express workflow execution, in seconds. */
    private static final long EXPRESS_LIMIT_SECONDS = 300;

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            String qualifier = express(context, definition);
            if (qualifier == null) {
                continue;
            }
            for (AslState state : definition.states()) {
                Problem problem = problem(state);
                if (problem != null) {
                    findings.add(context.finding(problem.certain() ? Severity.ERROR
                            : Severity.WARNING, state.nameSpan().fileOr(definition.file()),
                            state.nameSpan(), definition.machine().logicalId(),
                            StateMachineStates.describe(definition, state)
                            + problem.text() + " in an Express workflow" + qualifier + ", which"
                            + " ends every execution after five minutes; use a Standard"
                            + " workflow, or start one from this workflow for the long part."));
                }
            }
        }
        return findings;
    }

    /**
     * Returns the message qualifier of the branch in which the state machine is an Express
     * workflow: empty when it always is, {@code null} when it never is or cannot be known.
     */
    private static String express(RuleContext context, StateMachineDefinition definition) {
        Node type = definition.machine().property("StateMachineType");
        if (type == null) {
            return null;
        }
        for (Alternative alternative : context.evaluator().alternatives(type)) {
            if ("EXPRESS".equals(alternative.value().exactText())) {
                return alternative.qualifier();
            }
        }
        return null;
    }

    /** A reason a state may outlast an Express workflow, and whether it surely does. */
    private record Problem(String text, boolean certain) { }

    /** Returns what makes {@code state} run longer than an Express workflow may, or null. */
    private static Problem problem(AslState state) {
        if ("Task".equals(state.type())) {
            MapNode.Entry resource = state.field("Resource");
            String arn = resource == null ? null : resource.value().text();
            if (arn != null && arn.endsWith(".waitForTaskToken")) {
                return new Problem(" waits for a task token, which Express workflows do not"
                        + " support,", true);
            }
            if (arn != null && (arn.endsWith(".sync") || arn.contains(".sync:"))) {
                return new Problem(" waits for a job to complete ('.sync'), which Express"
                        + " workflows do not support,", true);
            }
            return null;
        }
        if (!"Wait".equals(state.type())) {
            return null;
        }
        MapNode.Entry seconds = state.field("Seconds");
        Long wait = seconds == null ? null : number(seconds.value().text());
        if (wait != null && wait > EXPRESS_LIMIT_SECONDS) {
            return new Problem(" waits " + wait + " seconds", true);
        }
        for (String key : List.of("SecondsPath", "Timestamp", "TimestampPath")) {
            if (state.field(key) != null) {
                return new Problem(" waits for a time given by " + key + ", which may be"
                        + " more than five minutes away,", false);
            }
        }
        return null;
    }

    private static Long number(String text) {
        try {
            return text == null ? null : Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
