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
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL6022",
        name = "SqsDeadLetterRetention",
        summary = "Dead-letter queues keep messages longer than their source queues",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SQS::Queue"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
                + "sqs-dead-letter-queues.html",
        tags = {"sqs", "dead-letter-queue"})
public final class SqsDeadLetterRetentionRule implements Rule {

    /** SQS keeps a message 4 days (345,600 seconds) when a queue sets no retention period. */
    private static final BigDecimal DEFAULT_RETENTION = BigDecimal.valueOf(345_600);

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        QueueRedrive.Queues queues = QueueRedrive.Queues.of(context.template(),
                context.evaluator());
        for (Resource queue : context.template().resourcesOfType("AWS::SQS::Queue")) {
            if (Fifo.isFifo(context, queue)) {
                // A FIFO queue's message gets a new enqueue time when it is dead-lettered.
                continue;
            }
            BigDecimal source = longest(context, queue.property("MessageRetentionPeriod"));
            List<Resource> checked = new ArrayList<>();
            for (QueueRedrive redrive : QueueRedrive.of(queues, queue)) {
                Resource target = redrive.target();
                if (source == null || target == null || checked.contains(target)) {
                    continue;
                }
                checked.add(target);
                check(context, queue, source, target, redrive, findings);
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource queue, BigDecimal source,
            Resource target, QueueRedrive redrive, List<Finding> findings) {
        Node retention = target.property("MessageRetentionPeriod");
        List<Alternative> alternatives = retention == null ? List.of()
                : context.evaluator().alternatives(retention);
        for (Alternative alternative : alternatives) {
            BigDecimal days = Seconds.of(alternative);
            if (days != null && days.compareTo(source) <= 0) {
                report(context, queue, target, alternative.node().span(), days + " seconds"
                        + alternative.qualifier(), redrive, findings);
            }
        }
        if (retention == null && DEFAULT_RETENTION.compareTo(source) <= 0) {
            report(context, queue, target, target.span(), "the default 4 days", redrive,
                    findings);
        }
    }

    private static void report(RuleContext context, Resource queue, Resource target,
            SourceSpan at, String retention, QueueRedrive redrive, List<Finding> findings) {
        findings.add(context.finding(Severity.WARNING, at.isKnown() ? at : target.span(),
                target.logicalId(), "Dead-letter queue '" + target.logicalId() + "' keeps"
                + " messages for " + retention + ", no longer than its source queue '"
                + queue.logicalId() + "', and SQS counts a message's age from when it first"
                + " entered the source queue, so dead-lettered messages can expire soon after"
                + " they arrive; set MessageRetentionPeriod on '" + target.logicalId()
                + "' above the source's, such as 1209600 (14 days).",
                List.of(new Finding.Related(redrive.targetSpan(),
                        "redrive policy of '" + queue.logicalId() + "'"))));
    }

    /** Returns the largest known retention, SQS's default when unset, or null if unknown. */
    private static BigDecimal longest(RuleContext context, Node retention) {
        if (retention == null) {
            return DEFAULT_RETENTION;
        }
        BigDecimal longest = null;
        for (Alternative alternative : context.evaluator().alternatives(retention)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null && (longest == null || value.compareTo(longest) > 0)) {
                longest = value;
            }
        }
        return longest;
    }
}
