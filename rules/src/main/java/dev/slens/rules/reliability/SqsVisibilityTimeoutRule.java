package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
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
        id = "SL6020",
        name = "SqsVisibilityTimeout",
        summary = "Queues read by Lambda hide messages for six times the function timeout",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SQS::Queue", "AWS::Lambda::EventSourceMapping",
            "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
        tags = {"sqs", "lambda", "event-source-mapping", "timeout"},
        aliases = {"E3505", "Serverless-LambdaEventSourceSQSVisibilityTimeout"},
        parameters = @RuleParameter(name = "timeoutMultiplier", defaultValue = "6",
                min = 1, max = 100,
                description = "How many function timeouts, plus the batching window, the"
                        + " queue's visibility timeout must cover."))
public final class SqsVisibilityTimeoutRule implements Rule {

    /** SQS's visibility timeout when a queue sets none, in seconds. */
    private static final BigDecimal DEFAULT_VISIBILITY = BigDecimal.valueOf(30);

    @Override
    public List<Finding> check(RuleContext context) {
        BigDecimal multiplier = BigDecimal.valueOf(context.intParameter("timeoutMultiplier"));
        List<Finding> findings = new ArrayList<>();
        for (Resource queue : context.template().resourcesOfType("AWS::SQS::Queue")) {
            List<Consumer> consumers = new ArrayList<>();
            for (Resource mapping : context.index().mappingsReading(queue.logicalId())) {
                Consumer consumer = Consumer.of(context, mapping, multiplier);
                if (consumer != null) {
                    consumers.add(consumer);
                }
            }
            if (consumers.isEmpty()) {
                continue;
            }
            Node visibility = queue.property("VisibilityTimeout");
            if (visibility == null) {
                check(context, queue, DEFAULT_VISIBILITY, queue.span(), "", consumers, findings);
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(visibility)) {
                BigDecimal seconds = Seconds.of(alternative);
                if (seconds != null) {
                    check(context, queue, seconds, alternative.node().span(),
                            alternative.qualifier(), consumers, findings);
                }
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource queue, BigDecimal visibility,
            SourceSpan at, String qualifier, List<Consumer> consumers, List<Finding> findings) {
        Consumer worst = null;
        List<Finding.Related> related = new ArrayList<>();
        for (Consumer consumer : consumers) {
            if (visibility.compareTo(consumer.required()) < 0) {
                related.add(new Finding.Related(consumer.mapping().span(), "consumer '"
                        + consumer.function().logicalId() + "', which needs "
                        + consumer.required().toPlainString() + " seconds"));
                if (worst == null || consumer.required().compareTo(worst.required()) > 0) {
                    worst = consumer;
                }
            }
        }
        if (worst == null) {
            return;
        }
        boolean rejected = visibility.compareTo(worst.timeout()) < 0;
        findings.add(context.finding(rejected ? Severity.ERROR : Severity.WARNING,
                at.isKnown() ? at : queue.span(), queue.logicalId(),
                message(queue, visibility, qualifier, worst, rejected), related));
    }

    private static String message(Resource queue, BigDecimal visibility, String qualifier,
            Consumer consumer, boolean rejected) {
        String current = queue.property("VisibilityTimeout") == null
                ? "sets no VisibilityTimeout, so SQS uses 30 seconds"
                : "has VisibilityTimeout '" + visibility.toPlainString() + "'" + qualifier;
        String effect = rejected
                ? "which is shorter than the function's timeout, so Lambda rejects the event"
                        + " source mapping"
                : "so a message can become visible again while a retried or throttled batch"
                        + " still holds it, and is processed twice";
        return "Queue '" + queue.logicalId() + "' " + current + ", but function '"
                + consumer.function().logicalId() + "' reads it with a timeout of "
                + consumer.timeout().toPlainString() + " seconds" + consumer.qualifier() + ", "
                + effect + "; set VisibilityTimeout to at least "
                + consumer.required().toPlainString() + " (the function timeout times the"
                + " multiplier, plus the batching window).";
    }

    /** A function that reads the queue, with the visibility timeout it needs. */
    private record Consumer(Resource mapping, Resource function, BigDecimal timeout,
            String qualifier, BigDecimal required) {

        /** Lambda's timeout when a function sets none, in seconds. */
        private static final BigDecimal DEFAULT_TIMEOUT = BigDecimal.valueOf(3);

        /** Returns the consumer behind {@code mapping}, or {@code null} when it is unknown. */
        static Consumer of(RuleContext context, Resource mapping, BigDecimal multiplier) {
            Resource function = context.index().function(mapping.property("FunctionName"));
            if (function == null) {
                return null;
            }
            Alternative longest = longest(context, function.property("Timeout"));
            BigDecimal timeout = function.property("Timeout") == null ? DEFAULT_TIMEOUT
                    : longest == null ? null : Seconds.of(longest);
            if (timeout == null) {
                return null;
            }
            Alternative window = longest(context,
                    mapping.property("MaximumBatchingWindowInSeconds"));
            BigDecimal windowSeconds = window == null ? BigDecimal.ZERO : Seconds.of(window);
            String qualifier = longest == null ? "" : longest.qualifier();
            if (longest != null && context.isFrameworkDefault(function, longest.node())) {
                qualifier = " (the Serverless Framework's default, because neither function '"
                        + function.generatedFrom() + "' nor the provider sets timeout)";
            }
            return new Consumer(mapping, function, timeout, qualifier,
                    timeout.multiply(multiplier).add(windowSeconds));
        }

        /** Returns the alternative with the largest known number, or {@code null}. */
        private static Alternative longest(RuleContext context, Node node) {
            if (node == null) {
                return null;
            }
            Alternative longest = null;
            for (Alternative alternative : context.evaluator().alternatives(node)) {
                BigDecimal value = Seconds.of(alternative);
                if (value != null && (longest == null
                        || value.compareTo(Seconds.of(longest)) > 0)) {
                    longest = alternative;
                }
            }
            return longest;
        }
    }
}
