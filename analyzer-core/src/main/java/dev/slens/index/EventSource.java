package dev.slens.index;

import dev.slens.model.Resource;

/**
 * The source an event source mapping reads.
 *
 * @param kind the kind of source
 * @param resource the source when this template defines it, else {@code null}
 */
public record EventSource(Kind kind, Resource resource) {

    /** The kinds of source Lambda polls. */
    public enum Kind {
        /** An SQS queue. */
        QUEUE,
        /** A Kinesis stream or a DynamoDB stream. */
        STREAM,
        /** An MSK or self-managed Kafka cluster. */
        KAFKA,
        /** An Amazon MQ broker. */
        BROKER,
        /** A DocumentDB change stream. */
        DOCUMENT_DB,
        /** A source whose kind cannot be known from the template. */
        UNKNOWN
    }

    /** Returns whether the source is a Kinesis or DynamoDB stream. */
    public boolean isStream() {
        return kind == Kind.STREAM;
    }

    /** Returns whether the source is an SQS queue. */
    public boolean isQueue() {
        return kind == Kind.QUEUE;
    }
}
