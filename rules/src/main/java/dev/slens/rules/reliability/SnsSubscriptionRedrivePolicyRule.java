package dev.slens.rules.reliability;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL7001",
        name = "SnsSubscriptionRedrivePolicy",
        summary = "SNS subscriptions send undeliverable messages to a dead-letter queue",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SNS::Subscription", "AWS::SNS::Topic"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/sns/latest/dg/sns-dead-letter-queues.html",
        tags = {"sns", "dead-letter-queue"},
        aliases = {"ES7000", "Serverless-SNSRedrivePolicy"})
public final class SnsSubscriptionRedrivePolicyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource subscription : context.template().resourcesOfType(
                "AWS::SNS::Subscription")) {
            List<String> missing = RedrivePolicies.missingTargets(context.evaluator(),
                    subscription.property("RedrivePolicy"));
            if (missing.isEmpty()) {
                continue;
            }
            String protocol = context.evaluator().exactText(subscription.property("Protocol"));
            // An SQS endpoint rarely refuses a delivery, and the messages it accepts are then
            // covered by that queue's own redrive policy, so the gap matters less there.
            Severity severity = "sqs".equals(protocol) ? Severity.INFO : Severity.WARNING;
            findings.add(context.finding(severity, subscription.span(), subscription.logicalId(),
                    message(subscription, protocol, missing) + context.fix(
                            subscription.logicalId(), fix(subscription),
                            "set redrivePolicy with deadLetterTargetArn (or"
                            + " deadLetterTargetRef) on the sns event of function '"
                            + subscription.generatedFrom() + "'.")));
        }
        for (Resource topic : context.template().resourcesOfType("AWS::SNS::Topic")) {
            MapNode.Entry inline = topic.properties().entry("Subscription");
            ListNode entries = inline == null ? null : inline.value().asList();
            if (entries != null && entries.size() > 0) {
                findings.add(context.finding(Severity.INFO, inline.keySpan(), topic.logicalId(),
                        "Topic '" + topic.logicalId() + "' lists subscriptions inline, which"
                        + " cannot carry a redrive policy; use AWS::SNS::Subscription resources"
                        + " with RedrivePolicy.deadLetterTargetArn instead."));
            }
        }
        return findings;
    }

    private static String message(Resource subscription, String protocol, List<String> missing) {
        String when = missing.contains("") ? "" : String.join(",", missing);
        String kind = protocol == null ? "" : " (protocol '" + protocol + "')";
        String subject = subscription.isWritten()
                ? "Subscription '" + subscription.logicalId() + "'" + kind
                : "SNS event '" + eventName(subscription) + "' of function '"
                        + subscription.generatedFrom() + "'";
        return subject + " has no RedrivePolicy with a deadLetterTargetArn" + when
                + ", so SNS discards a message it still cannot deliver after its retries; ";
    }

    private static String fix(Resource subscription) {
        return subscription.isWritten()
                ? "set RedrivePolicy with deadLetterTargetArn to an SQS queue ARN."
                : "set RedrivePolicy with deadLetterTargetArn on the SNS event.";
    }

    /** Returns the event name, which SAM appends to the function's ID to name the subscription. */
    private static String eventName(Resource subscription) {
        String id = subscription.logicalId();
        String function = subscription.generatedFrom();
        return id.startsWith(function) && id.length() > function.length()
                ? id.substring(function.length()) : id;
    }
}
