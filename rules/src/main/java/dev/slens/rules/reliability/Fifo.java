package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;

/** Tells FIFO queues from standard ones. */
final class Fifo {

    private Fifo() {
    }

    /**
     * Returns whether {@code FifoQueue} may be true in some branch, or the queue's literal name
     * ends in {@code .fifo}.
     */
    static boolean isFifo(RuleContext context, Resource queue) {
        if (queue.property("FifoQueue") != null) {
            for (Alternative alternative : context.evaluator()
                    .alternatives(queue.property("FifoQueue"))) {
                String text = alternative.value() instanceof Value.Literal literal
                        ? literal.text() : alternative.value().exactText();
                if ("true".equalsIgnoreCase(text)) {
                    return true;
                }
            }
        }
        String name = context.evaluator().exactText(queue.property("QueueName"));
        return name != null && name.endsWith(".fifo");
    }
}
