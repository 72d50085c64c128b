package dev.slens.rules.operational;

import dev.slens.index.Alternative;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL7030",
        name = "SnsTopicSubscriber",
        summary = "SNS topics have a subscriber",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::SNS::Topic", "AWS::SNS::Subscription"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/sns/latest/dg/"
                + "sns-create-subscribe-endpoint-to-topic.html",
        tags = {"sns", "messaging"},
        aliases = {"ae53ce91"})
public final class SnsTopicSubscriberRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Set<String> used = subscribedOrExported(context);
        List<Finding> findings = new ArrayList<>();
        for (Resource topic : context.template().resourcesOfType("AWS::SNS::Topic")) {
            if (used.contains(topic.logicalId()) || hasInlineSubscription(context, topic)) {
                continue;
            }
            findings.add(context.finding(topic.span(), topic.logicalId(), "Topic '"
                    + topic.logicalId() + "' has no subscription in this template and is not in"
                    + " its Outputs, so messages published to it reach nobody; add an"
                    + " AWS::SNS::Subscription (SAM: an SNS event), or output its ARN when"
                    + " another stack subscribes."));
        }
        return findings;
    }

    /** Returns the topics that a subscription names and the topics the Outputs expose. */
    private static Set<String> subscribedOrExported(RuleContext context) {
        Set<String> used = new HashSet<>();
        for (Resource subscription
                : context.template().resourcesOfType("AWS::SNS::Subscription")) {
            addReferences(context, subscription.property("TopicArn"), used);
        }
        for (MapNode.Entry output : context.template().section("Outputs").entries()) {
            MapNode definition = output.value().asMap();
            addReferences(context, definition == null ? null : definition.get("Value"), used);
        }
        return used;
    }

    private static void addReferences(RuleContext context, Node node, Set<String> used) {
        if (node == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(node)) {
            String target = context.evaluator().referencedResource(alternative.node());
            if (target != null) {
                used.add(target);
            }
        }
        String direct = context.evaluator().referencedResource(node);
        if (direct != null) {
            used.add(direct);
        }
    }

    private static boolean hasInlineSubscription(RuleContext context, Resource topic) {
        Node subscriptions = topic.property("Subscription");
        return subscriptions != null && !context.evaluator().elements(subscriptions).isEmpty();
    }
}
