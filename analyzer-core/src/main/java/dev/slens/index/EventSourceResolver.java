package dev.slens.index;

import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds what an event source mapping reads: the resource its {@code EventSourceArn} references,
 * or, for ARN text, the kind of service it names and the queue with that literal name.
 */
final class EventSourceResolver {

    private static final Map<String, EventSource.Kind> TYPES = Map.of(
            "AWS::SQS::Queue", EventSource.Kind.QUEUE,
            "AWS::Kinesis::Stream", EventSource.Kind.STREAM,
            "AWS::Kinesis::StreamConsumer", EventSource.Kind.STREAM,
            "AWS::DynamoDB::Table", EventSource.Kind.STREAM,
            "AWS::DynamoDB::GlobalTable", EventSource.Kind.STREAM,
            "AWS::MSK::Cluster", EventSource.Kind.KAFKA,
            "AWS::MSK::ServerlessCluster", EventSource.Kind.KAFKA,
            "AWS::AmazonMQ::Broker", EventSource.Kind.BROKER,
            "AWS::DocDB::DBCluster", EventSource.Kind.DOCUMENT_DB);

    private final Template template;
    private final Evaluator evaluator;
    /** Logical IDs of the queues whose QueueName is literal text, by that name. */
    private final Map<String, Resource> queuesByName = new HashMap<>();

    EventSourceResolver(Template template, Evaluator evaluator) {
        this.template = template;
        this.evaluator = evaluator;
        for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
            String name = evaluator.exactText(queue.property("QueueName"));
            if (name != null) {
                queuesByName.putIfAbsent(name, queue);
            }
        }
    }

    EventSource resolve(Resource mapping) {
        // SAM's SelfManagedKafka event keeps KafkaBootstrapServers where CloudFormation has
        // SelfManagedEventSource.
        if (mapping.property("SelfManagedEventSource") != null
                || mapping.property("KafkaBootstrapServers") != null) {
            return new EventSource(EventSource.Kind.KAFKA, null);
        }
        String target = evaluator.referencedResource(mapping.property("EventSourceArn"));
        if (target != null) {
            Resource source = template.resource(target);
            return new EventSource(TYPES.getOrDefault(source.type(), EventSource.Kind.UNKNOWN),
                    source);
        }
        if (mapping.property("EventSourceArn") == null) {
            return new EventSource(EventSource.Kind.UNKNOWN, null);
        }
        for (Alternative alternative : evaluator.alternatives(mapping.property("EventSourceArn"))) {
            if (alternative.value() instanceof Value.Text text) {
                EventSource source = fromArn(text.text());
                if (source.kind() != EventSource.Kind.UNKNOWN) {
                    return source;
                }
            }
        }
        return new EventSource(EventSource.Kind.UNKNOWN, null);
    }

    /** Classifies ARN text, which may hold placeholders for parts that cannot be known. */
    private EventSource fromArn(String arn) {
        if (arn.contains(":sqs:")) {
            String name = arn.substring(arn.lastIndexOf(':') + 1);
            return new EventSource(EventSource.Kind.QUEUE, queuesByName.get(name));
        }
        if (arn.contains(":kinesis:") || arn.contains(":dynamodb:") && arn.contains("/stream/")) {
            return new EventSource(EventSource.Kind.STREAM, null);
        }
        if (arn.contains(":kafka:")) {
            return new EventSource(EventSource.Kind.KAFKA, null);
        }
        if (arn.contains(":mq:")) {
            return new EventSource(EventSource.Kind.BROKER, null);
        }
        return new EventSource(arn.contains(":rds:") ? EventSource.Kind.DOCUMENT_DB
                : EventSource.Kind.UNKNOWN, null);
    }
}
