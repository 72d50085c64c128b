package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Completes the {@code DeadLetterConfig} of a schedule or rule event. {@code Type: SQS} without
 * an {@code Arn} makes the translator create the queue, named {@code <Event>Queue} unless
 * {@code QueueLogicalId} names it, and a queue policy that lets the service send to it. The
 * SAM-only keys are removed, as in the translator's output.
 */
final class SamQueueDeadLetter {

    private final String eventId;
    private final String condition;
    private final String ownerId;
    private final List<Resource> out;

    SamQueueDeadLetter(String eventId, String condition, String ownerId, List<Resource> out) {
        this.eventId = eventId;
        this.condition = condition;
        this.ownerId = ownerId;
        this.out = out;
    }

    Node complete(Node deadLetter, String principal) {
        MapNode config = deadLetter == null ? null : deadLetter.asMap();
        if (config == null || config.intrinsicName() != null) {
            return deadLetter;
        }
        if (config.has("Arn") || !"SQS".equals(config.getText("Type"))) {
            return config.has("Arn") ? Nodes.map(config.span(), "Arn", config.get("Arn"))
                    : config;
        }
        SourceSpan at = config.span();
        String queue = config.getText("QueueLogicalId") != null
                ? config.getText("QueueLogicalId") : eventId + "Queue";
        out.add(new Resource(queue, "AWS::SQS::Queue", Nodes.map(at), at, condition, ownerId));
        MapNode statement = Nodes.map(at,
                "Action", Nodes.text("sqs:SendMessage", at),
                "Effect", Nodes.text("Allow", at),
                "Principal", Nodes.map(at, "Service", Nodes.text(principal, at)),
                "Resource", Nodes.getAtt(queue, "Arn", at),
                "Condition", Nodes.map(at, "ArnEquals", Nodes.map(at,
                        "aws:SourceArn", Nodes.getAtt(eventId, "Arn", at))));
        out.add(new Resource(queue + "Policy", "AWS::SQS::QueuePolicy", Nodes.map(at,
                "Queues", Nodes.list(at, List.of(Nodes.ref(queue, at))),
                "PolicyDocument", Nodes.map(at,
                        "Version", Nodes.text("2012-10-17", at),
                        "Statement", Nodes.list(at, List.of(statement)))), at, condition,
                ownerId));
        return Nodes.map(at, "Arn", Nodes.getAtt(queue, "Arn", at));
    }
}
