package dev.slens.rules.reliability;

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
        id = "SL6021",
        name = "SqsMaxReceiveCount",
        summary = "Queues read by Lambda allow enough receives before dead-lettering",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SQS::Queue"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html",
        tags = {"sqs", "lambda", "dead-letter-queue"},
        parameters = @RuleParameter(name = "minimumReceiveCount", defaultValue = "5",
                min = 1, max = 1000,
                description = "Smallest maxReceiveCount accepted on a queue that Lambda reads."))
public final class SqsMaxReceiveCountRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        BigDecimal minimum = BigDecimal.valueOf(context.intParameter("minimumReceiveCount"));
        List<Finding> findings = new ArrayList<>();
        QueueRedrive.Queues queues = QueueRedrive.Queues.of(context.template(),
                context.evaluator());
        for (Resource queue : context.template().resourcesOfType("AWS::SQS::Queue")) {
            List<Resource> mappings = context.index().mappingsReading(queue.logicalId());
            if (mappings.isEmpty()) {
                continue;
            }
            for (QueueRedrive redrive : QueueRedrive.of(queues, queue)) {
                BigDecimal count = redrive.maxReceiveCount();
                if (count != null && count.compareTo(minimum) < 0) {
                    findings.add(context.finding(Severity.WARNING, redrive.countSpan(),
                            queue.logicalId(), message(queue, redrive, minimum),
                            List.of(new Finding.Related(mappings.get(0).span(),
                                    "event source mapping that reads the queue"))));
                }
            }
        }
        return findings;
    }

    private static String message(Resource queue, QueueRedrive redrive, BigDecimal minimum) {
        return "Queue '" + queue.logicalId() + "' has maxReceiveCount '"
                + redrive.maxReceiveCount().toPlainString() + "'" + redrive.qualifier()
                + " and is read by Lambda, which also counts receives of batches that were"
                + " throttled or timed out, so messages that never failed can reach the"
                + " dead-letter queue; set maxReceiveCount to at least " + minimum.toPlainString()
                + ".";
    }
}
