package dev.slens.rules.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.model.WholeNumbers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One branch of a queue's {@code RedrivePolicy}, given as a map or as a JSON string: the
 * dead-letter queue it names and its {@code maxReceiveCount}.
 *
 * @param source the queue that has the policy
 * @param target the dead-letter queue when this template defines it, else {@code null}
 * @param maxReceiveCount the receive count, or {@code null} when it is not known
 * @param countSpan where the receive count is written (the policy string when it is JSON)
 * @param targetSpan where the dead-letter queue is named (the policy string when it is JSON)
 * @param qualifier the conditions and parameters behind this branch, for messages
 */
record QueueRedrive(Resource source, Resource target, BigDecimal maxReceiveCount,
        SourceSpan countSpan, SourceSpan targetSpan, String qualifier) {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{(?:ref|getatt):([^.}]+)");

    /**
     * The queues of one template, with each literal {@code QueueName} mapped to the first queue
     * that sets it, so that a target named by ARN is found without scanning every queue.
     */
    record Queues(Template template, Evaluator evaluator, Map<String, Resource> byName) {

        static Queues of(Template template, Evaluator evaluator) {
            Map<String, Resource> byName = new HashMap<>();
            for (Resource queue : template.resourcesOfType("AWS::SQS::Queue")) {
                String name = evaluator.exactText(queue.property("QueueName"));
                if (name != null) {
                    byName.putIfAbsent(name, queue);
                }
            }
            return new Queues(template, evaluator, byName);
        }
    }

    /** Returns the branches of {@code queue}'s redrive policy that name a target. */
    static List<QueueRedrive> of(Queues queues, Resource queue) {
        Template template = queues.template();
        Evaluator evaluator = queues.evaluator();
        Node policy = queue.property("RedrivePolicy");
        List<QueueRedrive> result = new ArrayList<>();
        if (policy == null) {
            return result;
        }
        for (Alternative alternative : evaluator.alternatives(policy)) {
            if (alternative.value() instanceof Value.Structure structure
                    && structure.node().asMap() != null) {
                fromMap(queues, queue, structure.node().asMap(), alternative, result);
            } else if (alternative.value() instanceof Value.Text text) {
                JsonNode tree = RedrivePolicies.parse(text.text());
                JsonNode target = tree == null ? null : tree.get(RedrivePolicies.TARGET_KEY);
                if (target != null) {
                    JsonNode count = tree.get("maxReceiveCount");
                    result.add(new QueueRedrive(queue, queueIn(queues, target.asText()),
                            count == null ? null : number(count.asText()),
                            alternative.node().span(), alternative.node().span(),
                            alternative.qualifier()));
                }
            }
        }
        return result;
    }

    private static void fromMap(Queues queues, Resource queue, MapNode map, Alternative outer,
            List<QueueRedrive> result) {
        Evaluator evaluator = queues.evaluator();
        Node target = map.get(RedrivePolicies.TARGET_KEY);
        if (target == null) {
            return;
        }
        Resource targetQueue = null;
        String referenced = evaluator.referencedResource(target);
        if (referenced != null) {
            targetQueue = queues.template().resource(referenced);
        } else {
            for (Alternative text : evaluator.alternatives(target)) {
                if (text.value() instanceof Value.Text value && targetQueue == null) {
                    targetQueue = queueIn(queues, value.text());
                }
            }
        }
        Node count = map.get("maxReceiveCount");
        if (count == null) {
            result.add(new QueueRedrive(queue, targetQueue, null, outer.node().span(),
                    target.span(), outer.qualifier()));
            return;
        }
        for (Alternative alternative : evaluator.alternatives(count)) {
            String qualifier = outer.qualifier().isEmpty() ? alternative.qualifier()
                    : outer.qualifier();
            result.add(new QueueRedrive(queue, targetQueue, Seconds.of(alternative),
                    alternative.node().span(), target.span(), qualifier));
        }
    }

    /**
     * Returns the queue of this template that ARN text names, through a reference placeholder
     * or its literal {@code QueueName} as the ARN's last part, or {@code null}.
     */
    static Resource queueIn(Queues queues, String text) {
        Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            Resource resource = queues.template().resource(reference.group(1));
            if (resource != null && resource.type().equals("AWS::SQS::Queue")) {
                return resource;
            }
        }
        if (!text.contains(":sqs:")) {
            return null;
        }
        return queues.byName().get(text.substring(text.lastIndexOf(':') + 1));
    }

    private static BigDecimal number(String text) {
        Long number = WholeNumbers.parse(text);
        return number == null ? null : BigDecimal.valueOf(number);
    }
}
