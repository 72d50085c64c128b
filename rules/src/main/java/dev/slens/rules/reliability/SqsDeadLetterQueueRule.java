package dev.slens.rules.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL6001",
        name = "SqsDeadLetterQueue",
        summary = "SQS queues move messages that keep failing to a dead-letter queue",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SQS::Queue"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
                + "sqs-dead-letter-queues.html",
        tags = {"sqs", "dead-letter-queue"},
        aliases = {"ES6000", "Serverless-SQSRedrivePolicy", "AwsSolutions-SQS3"})
public final class SqsDeadLetterQueueRule implements Rule {

    private static final String QUEUE = "AWS::SQS::Queue";

    /**
     * Keys under which any resource names the queue or topic that receives its failures: a
     * queue's or SNS subscription's RedrivePolicy, a function's or EventBridge target's
     * DeadLetterConfig, SAM's DeadLetterQueue, and the OnFailure destination of an invoke
     * configuration or event source mapping.
     */
    private static final Set<String> FAILURE_KEYS = Set.of("RedrivePolicy", "DeadLetterConfig",
            "DeadLetterQueue", "OnFailure");

    /**
     * A logical ID or queue name that declares the queue a dead-letter queue, such as
     * 'OrdersDLQ' or 'orders-dead-letter', for queues that code or a service outside the
     * template sends failures to.
     */
    private static final Pattern DEAD_LETTER_NAME = Pattern.compile("(?i)dlq|dead-?letter");

    /** The resource in a placeholder the Evaluator writes for Ref, GetAtt or a Sub variable. */
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{(?:ref|getatt):([^.}]+)");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Resource> queues = context.template().resourcesOfType(QUEUE);
        if (queues.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> namesById = new HashMap<>();
        for (Resource queue : queues) {
            namesById.put(queue.logicalId(), queueNames(evaluator, queue));
        }
        List<String> targets = new ArrayList<>();
        for (Resource resource : context.template().resources().values()) {
            collectFailureTargets(evaluator, resource.properties(), false, targets);
        }
        FailureTargets failureTargets = FailureTargets.of(targets, namesById.values());

        List<Finding> findings = new ArrayList<>();
        for (Resource queue : queues) {
            if (isDeadLetterQueue(evaluator, queue, namesById.get(queue.logicalId()),
                    failureTargets)) {
                continue;
            }
            List<String> missing = RedrivePolicies.missingTargets(evaluator,
                    queue.property("RedrivePolicy"));
            if (!missing.isEmpty()) {
                findings.add(context.finding(queue.span(), queue.logicalId(),
                        message(queue, missing)));
            }
        }
        return findings;
    }

    /**
     * Returns whether the queue is a dead-letter queue itself. It is one when SAM created it, when
     * its RedriveAllowPolicy or one of its possible {@code names} declares it one, or when a
     * failure setting elsewhere names it by reference or ARN.
     */
    private static boolean isDeadLetterQueue(Evaluator evaluator, Resource queue,
            List<String> names, FailureTargets failureTargets) {
        if (!queue.isWritten() || allowsRedrive(evaluator, queue.property("RedriveAllowPolicy"))) {
            return true;
        }
        if (DEAD_LETTER_NAME.matcher(queue.logicalId()).find()
                || names.stream().anyMatch(n -> DEAD_LETTER_NAME.matcher(n).find())) {
            return true;
        }
        return failureTargets.referencedIds().contains(queue.logicalId())
                || names.stream().anyMatch(failureTargets.arnQueueNames()::contains);
    }

    /**
     * Returns whether a RedriveAllowPolicy lets some queue use this one as its dead-letter
     * queue. Only a policy known to say {@code denyAll} does not.
     */
    private static boolean allowsRedrive(Evaluator evaluator, Node policy) {
        if (policy == null) {
            return false;
        }
        for (Alternative alternative : evaluator.alternatives(policy)) {
            Value value = alternative.value();
            String permission = null;
            if (value instanceof Value.Structure structure && structure.node().asMap() != null) {
                permission = evaluator.exactText(structure.node().asMap().get("redrivePermission"));
            } else if (value instanceof Value.Text text) {
                JsonNode tree = RedrivePolicies.parse(text.text());
                permission = tree == null || tree.get("redrivePermission") == null
                        ? null : tree.get("redrivePermission").asText();
            } else if (value instanceof Value.NoValue) {
                continue;
            }
            if (!"denyAll".equals(permission)) {
                return true;
            }
        }
        return false;
    }

    /** Returns the names the queue may have, as text that may contain placeholders. */
    private static List<String> queueNames(Evaluator evaluator, Resource queue) {
        Node name = queue.property("QueueName");
        if (name == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (Alternative alternative : evaluator.alternatives(name)) {
            if (alternative.value() instanceof Value.Text text && !text.text().isEmpty()) {
                names.add(text.text());
            }
        }
        return names;
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.';
    }

    /**
     * Adds to {@code targets} the text of every value written below a failure key of
     * {@code node}, with references as placeholders and JSON policy strings as written.
     */
    private static void collectFailureTargets(Evaluator evaluator, Node node, boolean inside,
            List<String> targets) {
        if (node == null) {
            return;
        }
        if (inside && (node.text() != null || node.intrinsicName() != null)) {
            for (Alternative alternative : evaluator.alternatives(node)) {
                if (alternative.value() instanceof Value.Text text) {
                    targets.add(text.text());
                } else if (alternative.value() instanceof Value.Structure structure
                        && structure.node() != node) {
                    collectFailureTargets(evaluator, structure.node(), true, targets);
                }
            }
            return;
        }
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                collectFailureTargets(evaluator, entry.value(),
                        inside || FAILURE_KEYS.contains(entry.key()), targets);
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                collectFailureTargets(evaluator, item, inside, targets);
            }
        }
    }

    private static String message(Resource queue, List<String> missing) {
        String when = missing.contains("") ? "" : String.join(",", missing);
        return "Queue '" + queue.logicalId() + "' has no RedrivePolicy with a deadLetterTargetArn"
                + when + ", so a message that keeps failing is received again until its retention"
                + " period ends; set RedrivePolicy with deadLetterTargetArn and maxReceiveCount.";
    }

    /**
     * The failure targets of the template, indexed once so that each queue is looked up
     * rather than compared with every target.
     *
     * @param referencedIds the logical IDs that a target references through Ref, GetAtt or Sub
     * @param arnQueueNames the queue names that end an ARN part of a target that contains an
     *     SQS ARN: they follow a colon and are followed by the end of the text or by a
     *     character that no queue name contains
     */
    private record FailureTargets(Set<String> referencedIds, Set<String> arnQueueNames) {

        static FailureTargets of(List<String> targets, Collection<List<String>> queueNames) {
            Set<String> names = new HashSet<>();
            queueNames.forEach(names::addAll);
            Set<Integer> lengths = new TreeSet<>();
            names.forEach(name -> lengths.add(name.length()));

            Set<String> referenced = new HashSet<>();
            Set<String> arnNames = new HashSet<>();
            for (String target : targets) {
                Matcher reference = REFERENCE.matcher(target);
                while (reference.find()) {
                    referenced.add(reference.group(1));
                }
                if (target.contains(":sqs:")) {
                    addArnNames(target, names, lengths, arnNames);
                }
            }
            return new FailureTargets(referenced, arnNames);
        }

        /**
         * Adds to {@code found} each of {@code names} that follows a colon in {@code target}
         * and ends where a name cannot continue. Only the lengths of real names are tried, so
         * the work grows with the target's colons, not with the number of queues.
         */
        private static void addArnNames(String target, Set<String> names, Set<Integer> lengths,
                Set<String> found) {
            for (int colon = target.indexOf(':'); colon >= 0;
                    colon = target.indexOf(':', colon + 1)) {
                for (int length : lengths) {
                    int end = colon + 1 + length;
                    if (end > target.length()) {
                        break;
                    }
                    if (end < target.length() && isNameCharacter(target.charAt(end))) {
                        continue;
                    }
                    String candidate = target.substring(colon + 1, end);
                    if (names.contains(candidate)) {
                        found.add(candidate);
                    }
                }
            }
        }
    }
}
