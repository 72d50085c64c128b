package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "SL1007",
        name = "LambdaStreamFailureDestination",
        summary = "Stream and Kafka event source mappings have an on-failure destination",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "invocation-eventsourcemapping.html",
        tags = {"lambda", "event-source-mapping", "kinesis", "dynamodb", "kafka", "destinations"},
        aliases = {"ES1001", "Serverless-LambdaEventSourceMappingDestination"})
public final class LambdaStreamFailureDestinationRule implements Rule {

    private static final List<String> FAILURE_DESTINATION = List.of("OnFailure", "Destination");

    /** Source resource types whose mappings support an on-failure destination. */
    private static final Map<String, String> SOURCE_TYPES = Map.of(
            "AWS::Kinesis::Stream", "a Kinesis stream",
            "AWS::Kinesis::StreamConsumer", "a Kinesis stream",
            "AWS::DynamoDB::Table", "a DynamoDB stream",
            "AWS::DynamoDB::GlobalTable", "a DynamoDB stream",
            "AWS::MSK::Cluster", "an MSK cluster",
            "AWS::MSK::ServerlessCluster", "an MSK cluster");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            String source = source(context.template(), evaluator, mapping);
            if (source == null) {
                continue;
            }
            List<List<String>> gaps = AbsentSetting.branches(evaluator,
                    mapping.property("DestinationConfig"), FAILURE_DESTINATION, List.of(),
                    map -> false);
            if (!gaps.isEmpty()) {
                findings.add(context.finding(mapping.span(), mapping.logicalId(),
                        message(mapping, source, AbsentSetting.qualifier(gaps))));
            }
        }
        return findings;
    }

    /**
     * Returns a phrase naming the kind of source the mapping reads, or {@code null} when it is
     * a queue, a broker or not known. SAM's SelfManagedKafka event keeps
     * {@code KafkaBootstrapServers} where CloudFormation has {@code SelfManagedEventSource}.
     */
    private static String source(Template template, Evaluator evaluator, Resource mapping) {
        if (mapping.property("SelfManagedEventSource") != null
                || mapping.property("KafkaBootstrapServers") != null) {
            return "a self-managed Kafka cluster";
        }
        Node arn = mapping.property("EventSourceArn");
        if (arn == null) {
            return null;
        }
        String target = evaluator.referencedResource(arn);
        if (target != null) {
            return SOURCE_TYPES.get(template.resource(target).type());
        }
        for (Alternative alternative : evaluator.alternatives(arn)) {
            String kind = alternative.value() instanceof Value.Text text
                    ? sourceOfArn(text.text()) : null;
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    /** Classifies ARN text, which may hold placeholders for parts that cannot be known. */
    private static String sourceOfArn(String arn) {
        if (arn.contains(":kinesis:")) {
            return "a Kinesis stream";
        }
        if (arn.contains(":dynamodb:") && arn.contains("/stream/")) {
            return "a DynamoDB stream";
        }
        return arn.contains(":kafka:") ? "an MSK cluster" : null;
    }

    private static String message(Resource mapping, String source, String qualifier) {
        return "Event source mapping '" + mapping.logicalId() + "' reads " + source
                + " but has no on-failure destination" + qualifier
                + ", so records that still fail when retries or record age run out are dropped;"
                + " set"
                + " DestinationConfig.OnFailure.Destination to an SQS queue, SNS topic or"
                + " S3 bucket.";
    }
}
