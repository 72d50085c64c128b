package dev.slens.rules.reliability;

import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL5012",
        name = "StateMachineLambdaRetry",
        summary = "Lambda tasks retry the Lambda service's transient errors",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "sfn-best-practices.html#bp-lambda-serviceexception",
        tags = {"step-functions", "lambda", "resilience"})
public final class StateMachineLambdaRetryRule implements Rule {

    /** The errors the Lambda service raises for calls that may succeed when repeated. */
    private static final List<String> TRANSIENT = List.of("Lambda.ServiceException",
            "Lambda.AWSLambdaException", "Lambda.SdkClientException",
            "Lambda.TooManyRequestsException");
    /** Error names that match every error a task reports, the Lambda errors included. */
    private static final Set<String> WILDCARDS = Set.of("States.ALL", "States.TaskFailed");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslState state : definition.states()) {
                if (!"Task".equals(state.type())
                        || !StateMachineStates.invokesLambda(context, definition, state)) {
                    continue;
                }
                Set<String> missing = missing(state);
                if (!missing.isEmpty()) {
                    findings.add(StateMachineStates.finding(context, definition,
                            state.nameSpan(), StateMachineStates.describe(definition, state)
                            + " invokes Lambda without a Retry for '"
                            + String.join("', '", missing) + "', so one transient error of"
                            + " the Lambda service fails the execution; add a retrier with"
                            + " these errors in ErrorEquals and MaxAttempts above 0."));
                }
            }
        }
        return findings;
    }

    /**
     * Returns the transient errors that no retrier of {@code state} retries. A retrier with
     * {@code MaxAttempts: 0} retries nothing, and one without it retries three times. A retrier
     * whose values are placeholders counts as retrying, because it cannot be checked.
     */
    private static Set<String> missing(AslState state) {
        Set<String> missing = new LinkedHashSet<>(TRANSIENT);
        MapNode.Entry retry = state.field("Retry");
        ListNode retriers = retry == null ? null : retry.value().asList();
        for (Node item : retriers == null ? List.<Node>of() : retriers.items()) {
            MapNode retrier = item.asMap();
            Node attempts = retrier == null ? null : retrier.get("MaxAttempts");
            if (retrier == null || attempts != null && "0".equals(attempts.text())) {
                continue;
            }
            Node errors = retrier.get("ErrorEquals");
            ListNode names = errors == null ? null : errors.asList();
            for (Node name : names == null ? List.<Node>of() : names.items()) {
                String text = name.text();
                if (text == null || WILDCARDS.contains(text) || text.contains("${")) {
                    missing.clear();
                }
                missing.remove(text);
            }
        }
        return missing;
    }
}
