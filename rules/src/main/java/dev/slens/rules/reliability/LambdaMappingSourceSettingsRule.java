package dev.slens.rules.reliability;

import dev.slens.index.EventSource;
import dev.slens.model.MapNode;
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
        id = "SL1047",
        name = "LambdaMappingSourceSettings",
        summary = "Event source mappings use only settings their source accepts",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "aws-resource-lambda-eventsourcemapping.html",
        tags = {"lambda", "event-source-mapping", "sqs", "kinesis", "dynamodb"},
        aliases = {"E3633", "E3634", "E3705"})
public final class LambdaMappingSourceSettingsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            EventSource source = context.index().eventSource(mapping);
            MapNode.Entry position = mapping.properties().entry("StartingPosition");
            boolean queueOrBroker = source.kind() == EventSource.Kind.QUEUE
                    || source.kind() == EventSource.Kind.BROKER;
            if (queueOrBroker && position != null) {
                findings.add(context.finding(position.keySpan(), mapping.logicalId(),
                        "Event source mapping '" + mapping.logicalId() + "' reads "
                        + (source.isQueue() ? "an SQS queue" : "an Amazon MQ broker")
                        + " but sets StartingPosition, which only stream and Kafka sources"
                        + " accept, so the deployment fails; remove StartingPosition."));
            }
            if (source.isStream() && position == null) {
                findings.add(context.finding(mapping.span(), mapping.logicalId(),
                        "Event source mapping '" + mapping.logicalId() + "' reads a stream"
                        + " but sets no StartingPosition, which Kinesis and DynamoDB stream"
                        + " sources require; set StartingPosition to 'LATEST' or"
                        + " 'TRIM_HORIZON'."));
            }
            if (source.isQueue() && isFifo(context, mapping, source)) {
                fifoBatch(context, mapping, findings);
            }
        }
        return findings;
    }

    private static boolean isFifo(RuleContext context, Resource mapping, EventSource source) {
        if (source.resource() != null) {
            return Fifo.isFifo(context, source.resource());
        }
        String arn = context.evaluator().exactText(mapping.property("EventSourceArn"));
        return arn != null && arn.endsWith(".fifo");
    }

    private static void fifoBatch(RuleContext context, Resource mapping,
            List<Finding> findings) {
        for (MappingSettings.Number size : MappingSettings.numbers(context, mapping,
                "BatchSize", null)) {
            if (size.value().compareTo(BigDecimal.TEN) > 0) {
                findings.add(context.finding(size.node().span(), mapping.logicalId(),
                        "Event source mapping '" + mapping.logicalId() + "' reads a FIFO queue"
                        + " with BatchSize '" + size.value().toPlainString() + "'"
                        + size.qualifier() + ", but FIFO queues allow at most 10, so the"
                        + " deployment fails; set " + context.fix(mapping.logicalId(), "BatchSize",
                                "batchSize of the sqs event of function '"
                                        + mapping.generatedFrom() + "'") + " to 10 or less."));
                return;
            }
        }
    }
}
