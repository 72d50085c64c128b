package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Invocation;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1046",
        name = "LambdaAsyncInvokeConfig",
        summary = "Async invoke configurations keep failed events without duplicates",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventInvokeConfig", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "invocation-async-retain-records.html",
        tags = {"lambda", "async", "destinations"},
        parameters = @RuleParameter(name = "minimumEventAgeSeconds", defaultValue = "3600",
                min = 60, max = 21_600,
                description = "Smallest MaximumEventAgeInSeconds accepted, in seconds: events"
                        + " older than this are dropped while the function is throttled."))
public final class LambdaAsyncInvokeConfigRule implements Rule {

    private static final List<String> FAILURE_DESTINATION = List.of("OnFailure", "Destination");

    @Override
    public List<Finding> check(RuleContext context) {
        BigDecimal minimumAge = BigDecimal.valueOf(context.intParameter("minimumEventAgeSeconds"));
        List<Finding> findings = new ArrayList<>();
        for (Resource config : context.template()
                .resourcesOfType("AWS::Lambda::EventInvokeConfig")) {
            Resource function = context.index().function(config.property("FunctionName"));
            boolean hasDestination = AbsentSetting.branches(context.evaluator(),
                    config.property("DestinationConfig"), FAILURE_DESTINATION, List.of(),
                    map -> false).isEmpty();
            boolean hasDeadLetterQueue = function != null && AbsentSetting.branches(
                    context.evaluator(), function.property("DeadLetterConfig"),
                    List.of("TargetArn"), List.of(), map -> false).isEmpty();
            if (hasDestination && hasDeadLetterQueue) {
                findings.add(context.finding(config.span(), config.logicalId(),
                        "Function '" + function.logicalId() + "' has both a dead-letter queue"
                        + " and an on-failure destination in '" + config.logicalId()
                        + "', so every failed event is delivered to both; keep only the"
                        + " on-failure destination, which also records the error."));
            }
            if (!hasDestination && !hasDeadLetterQueue) {
                if (!reportedElsewhere(context, function)) {
                    zeroRetries(context, config, findings);
                }
                shortEventAge(context, config, minimumAge, findings);
            }
        }
        return findings;
    }

    /** Returns whether SL1001 reports the function already, having seen an async caller. */
    private static boolean reportedElsewhere(RuleContext context, Resource function) {
        return function != null && context.index().invocations(function.logicalId()).stream()
                .anyMatch(i -> i.mode() == Invocation.Mode.ASYNCHRONOUS);
    }

    private static void zeroRetries(RuleContext context, Resource config,
            List<Finding> findings) {
        Node retries = config.property("MaximumRetryAttempts");
        for (Alternative alternative : alternatives(context, retries)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null && value.signum() == 0) {
                findings.add(context.finding(alternative.node().span(), config.logicalId(),
                        "Invoke configuration '" + config.logicalId() + "' has"
                        + " MaximumRetryAttempts '0'" + alternative.qualifier() + " and no"
                        + " on-failure destination, so an event is dropped after its first"
                        + " failure; set DestinationConfig.OnFailure.Destination."));
            }
        }
    }

    private static void shortEventAge(RuleContext context, Resource config, BigDecimal minimum,
            List<Finding> findings) {
        Node age = config.property("MaximumEventAgeInSeconds");
        for (Alternative alternative : alternatives(context, age)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null && value.compareTo(minimum) < 0) {
                findings.add(context.finding(Severity.INFO, alternative.node().span(),
                        config.logicalId(), "Invoke configuration '" + config.logicalId()
                        + "' has MaximumEventAgeInSeconds '" + value.toPlainString() + "'"
                        + alternative.qualifier() + ", so events that wait longer while the"
                        + " function is throttled or failing are dropped without a trace; set"
                        + " it to at least " + minimum.toPlainString() + " or add an"
                        + " on-failure destination that keeps them."));
            }
        }
    }

    private static List<Alternative> alternatives(RuleContext context, Node node) {
        return node == null ? List.of() : context.evaluator().alternatives(node);
    }
}
