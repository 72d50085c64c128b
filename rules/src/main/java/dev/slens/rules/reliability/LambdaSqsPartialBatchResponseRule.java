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
        id = "SL1041",
        name = "LambdaSqsPartialBatchResponse",
        summary = "SQS mappings with batches report the messages that failed",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "services-sqs-errorhandling.html",
        tags = {"lambda", "sqs", "event-source-mapping", "batch"})
public final class LambdaSqsPartialBatchResponseRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            if (!MappingSettings.readsQueue(context, mapping)
                    || !MappingSettings.lacksPartialBatchResponse(context, mapping)) {
                continue;
            }
            for (MappingSettings.Number size : MappingSettings.numbers(context, mapping,
                    "BatchSize", MappingSettings.SQS_DEFAULT_BATCH)) {
                if (size.value().compareTo(BigDecimal.ONE) > 0) {
                    findings.add(context.finding(size.node() == null ? mapping.span()
                            : size.node().span(), mapping.logicalId(),
                            message(context, mapping, size)));
                    break;
                }
            }
        }
        return findings;
    }

    private static String message(RuleContext context, Resource mapping,
            MappingSettings.Number size) {
        String batch = size.node() == null
                ? "sets no BatchSize (Lambda then passes up to 10 messages at once)"
                : "has BatchSize '" + size.value().toPlainString() + "'" + size.qualifier();
        return "SQS event source mapping '" + mapping.logicalId() + "' " + batch
                + " but does not list 'ReportBatchItemFailures' in FunctionResponseTypes, so"
                + " one failed"
                + " message returns the whole batch to the queue and the others are processed"
                + " again; " + context.fix(mapping.logicalId(),
                        "add 'ReportBatchItemFailures' to FunctionResponseTypes",
                        "set 'functionResponseType: ReportBatchItemFailures' on the sqs event of"
                        + " function '" + mapping.generatedFrom() + "'")
                + " and return the failed message IDs in batchItemFailures.";
    }
}
