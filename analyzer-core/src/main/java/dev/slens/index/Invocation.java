package dev.slens.index;

import dev.slens.model.Resource;

/**
 * One way a function is invoked.
 *
 * @param mode how the caller waits for the function
 * @param source the calling service, such as {@code sns.amazonaws.com} or {@code SQS}
 * @param via the resource that wires the call: a permission, subscription, rule or mapping
 */
public record Invocation(Mode mode, String source, Resource via) {

    /** The way Lambda is called. */
    public enum Mode {
        /** The caller waits for the result, as API Gateway does. */
        SYNCHRONOUS,
        /** Lambda queues the event and retries on failure; failures need a destination. */
        ASYNCHRONOUS,
        /** An event source mapping polls a queue or stream and calls the function. */
        POLLING
    }
}
