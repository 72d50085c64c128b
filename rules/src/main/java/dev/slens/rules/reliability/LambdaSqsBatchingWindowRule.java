package dev.slens.rules.reliability;

import dev.slens.model.Resource;
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
        id = "SL1042",
        name = "LambdaSqsBatchingWindow",
        summary = "SQS mappings with batches above 10 set a batching window",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html",
        tags = {"lambda", "sqs", "event-source-mapping", "batch"})
public final class LambdaSqsBatchingWindowRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            if (!MappingSettings.readsQueue(context, mapping)) {
                continue;
            }
            List<MappingSettings.Number> windows = MappingSettings.numbers(context, mapping,
                    "MaximumBatchingWindowInSeconds", BigDecimal.ZERO);
            boolean noWindow = windows.stream()
                    .anyMatch(w -> w.value().compareTo(BigDecimal.ONE) < 0);
            if (!noWindow) {
                continue;
            }
            for (MappingSettings.Number size : MappingSettings.numbers(context, mapping,
                    "BatchSize", null)) {
                if (size.value().compareTo(BigDecimal.TEN) > 0) {
                    findings.add(context.finding(size.node().span(), mapping.logicalId(),
                            "SQS event source mapping '" + mapping.logicalId()
                            + "' has BatchSize '" + size.value().toPlainString() + "'"
                            + size.qualifier() + " without a batching window, which Lambda"
                            + " rejects for batches above 10; set"
                            + " MaximumBatchingWindowInSeconds to at least 1."));
                    break;
                }
            }
        }
        return findings;
    }
}
