package dev.slens.rules.reliability;

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
        id = "SL6023",
        name = "SqsDeadLetterQueueType",
        summary = "Queues and their dead-letter queues are both FIFO or both standard",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SQS::Queue"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
                + "sqs-dead-letter-queues.html",
        tags = {"sqs", "dead-letter-queue", "fifo"},
        aliases = {"E3502"})
public final class SqsDeadLetterQueueTypeRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        QueueRedrive.Queues queues = QueueRedrive.Queues.of(context.template(),
                context.evaluator());
        for (Resource queue : context.template().resourcesOfType("AWS::SQS::Queue")) {
            boolean fifo = Fifo.isFifo(context, queue);
            List<Resource> reported = new ArrayList<>();
            for (QueueRedrive redrive : QueueRedrive.of(queues, queue)) {
                Resource target = redrive.target();
                if (target == null || reported.contains(target)
                        || Fifo.isFifo(context, target) == fifo) {
                    continue;
                }
                reported.add(target);
                findings.add(context.finding(Severity.ERROR, redrive.targetSpan(),
                        queue.logicalId(),
                        "Queue '" + queue.logicalId() + "' is " + kind(fifo) + " but its"
                        + " dead-letter queue '" + target.logicalId() + "' is " + kind(!fifo)
                        + ", which SQS rejects; make '" + target.logicalId() + "' "
                        + kind(fifo) + " too.",
                        List.of(new Finding.Related(target.span(), "the dead-letter queue"))));
            }
        }
        return findings;
    }

    private static String kind(boolean fifo) {
        return fifo ? "a FIFO queue" : "a standard queue";
    }
}
