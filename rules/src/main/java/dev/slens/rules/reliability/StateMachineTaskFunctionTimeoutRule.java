package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL5013",
        name = "StateMachineTaskFunctionTimeout",
        summary = "Lambda tasks wait at least as long as the function may run",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "state-task.html#task-state-fields",
        tags = {"step-functions", "lambda", "resilience"})
public final class StateMachineTaskFunctionTimeoutRule implements Rule {

    /** The timeout Lambda gives a function that sets none, in seconds. */
    private static final int LAMBDA_DEFAULT_TIMEOUT = 3;

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslState state : definition.states()) {
                MapNode.Entry timeout = state.field("TimeoutSeconds");
                Integer seconds = timeout == null ? null : whole(timeout.value().text());
                Resource function = seconds == null || !"Task".equals(state.type()) ? null
                        : StateMachineStates.invokedFunction(context, definition, state);
                Integer runs = function == null ? null : functionTimeout(context, function);
                if (runs != null && seconds < runs) {
                    findings.add(StateMachineStates.finding(context, definition,
                            timeout.value().span(), StateMachineStates.describe(definition,
                            state) + " times out after " + seconds + " seconds, but function '"
                            + function.logicalId() + "' may run for " + runs
                            + frameworkDefault(context, function) + ", so the"
                            + " function goes on after the task failed and a retry runs it"
                            + " twice at once; set TimeoutSeconds to at least " + runs + "."));
                }
            }
        }
        return findings;
    }

    /** Returns a note that the timeout is the Serverless Framework's default, or "". */
    private static String frameworkDefault(RuleContext context, Resource function) {
        return context.isFrameworkDefault(function, function.property("Timeout"))
                ? " (the Serverless Framework's default timeout, because neither function '"
                        + function.generatedFrom() + "' nor the provider sets timeout)"
                : "";
    }

    /** Returns the function's Timeout, the Lambda default when it sets none, or null. */
    private static Integer functionTimeout(RuleContext context, Resource function) {
        Node timeout = function.property("Timeout");
        if (timeout == null) {
            return LAMBDA_DEFAULT_TIMEOUT;
        }
        Integer longest = null;
        for (Alternative alternative : context.evaluator().alternatives(timeout)) {
            Integer value = alternative.value() instanceof Value.Literal literal
                    ? whole(literal.text()) : whole(alternative.value().exactText());
            if (value == null) {
                return null;
            }
            longest = longest == null ? value : Math.max(longest, value);
        }
        return longest;
    }

    private static Integer whole(String text) {
        if (text == null || !text.matches("\\d{1,9}")) {
            return null;
        }
        return Integer.parseInt(text);
    }
}
