package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the queues or topics whose resource policies do not deny requests sent without TLS,
 * that is a Deny statement for every principal with {@code aws:SecureTransport} false.
 */
final class SecureTransportPolicies {

    private SecureTransportPolicies() {
    }

    /**
     * Reports each written resource of {@code type} that no policy of {@code policyType}
     * attached through its {@code listKey} (such as {@code Queues}) protects.
     */
    static List<Finding> check(RuleContext context, String type, String policyType,
            String listKey, String noun) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        List<Resource> policies = context.template().resourcesOfType(policyType);
        for (Resource target : context.template().resourcesOfType(type)) {
            if (!target.isWritten()) {
                continue;
            }
            boolean attached = false;
            boolean denies = false;
            for (Resource policy : policies) {
                if (!attachesTo(evaluator, policy.property(listKey), target)) {
                    continue;
                }
                attached = true;
                denies |= deniesInsecureTransport(evaluator,
                        new PolicyDocument(policy.property("PolicyDocument"), policy));
            }
            if (!denies) {
                String why = attached ? " has no policy statement that denies"
                        : " has no " + policyType + " that denies";
                findings.add(context.finding(target.span(), target.logicalId(),
                        noun + " '" + target.logicalId() + "'" + why + " requests with"
                        + " 'aws:SecureTransport' false, so clients may send messages over plain"
                        + " HTTP; add a Deny statement for Principal '*' with Condition Bool"
                        + " aws:SecureTransport 'false'."));
            }
        }
        return findings;
    }

    /**
     * Returns whether a policy's list of queue URLs or topic ARNs names {@code target}, by a
     * reference or by the target's literal name at the end of the URL or ARN.
     */
    private static boolean attachesTo(Evaluator evaluator, Node list, Resource target) {
        if (list == null) {
            return false;
        }
        List<String> names = names(evaluator, target);
        for (Alternative item : evaluator.elements(list)) {
            if (!(item.value() instanceof Value.Text text)) {
                continue;
            }
            String value = text.text();
            if (value.contains("{{ref:" + target.logicalId() + "}}")
                    || value.contains("{{getatt:" + target.logicalId() + ".")) {
                return true;
            }
            for (String name : names) {
                if (value.endsWith("/" + name) || value.endsWith(":" + name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> names(Evaluator evaluator, Resource target) {
        List<String> names = new ArrayList<>();
        for (String key : List.of("QueueName", "TopicName")) {
            Node name = target.property(key);
            if (name == null) {
                continue;
            }
            for (Alternative alternative : evaluator.alternatives(name)) {
                String text = alternative.value().exactText();
                if (text != null && !text.isEmpty()) {
                    names.add(text);
                }
            }
        }
        return names;
    }

    private static boolean deniesInsecureTransport(Evaluator evaluator, PolicyDocument document) {
        if (document.document() == null) {
            return false;
        }
        for (PolicyStatement statement : document.statements(evaluator)) {
            if (!statement.denying(evaluator).isEmpty()
                    && everyone(evaluator, statement.node().get("Principal"))
                    && insecureTransportCondition(evaluator, statement.node().get("Condition"))) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a statement's Principal is '*' or has '*' among its AWS principals. */
    static boolean everyone(Evaluator evaluator, Node principal) {
        if (principal == null) {
            return false;
        }
        if ("*".equals(evaluator.exactText(principal))) {
            return true;
        }
        MapNode map = principal.asMap();
        if (map == null || map.get("AWS") == null) {
            return false;
        }
        for (Alternative item : evaluator.elements(map.get("AWS"))) {
            if ("*".equals(item.value().exactText())) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a Condition block tests aws:SecureTransport for false with Bool. */
    private static boolean insecureTransportCondition(Evaluator evaluator, Node condition) {
        MapNode operators = condition == null ? null : condition.asMap();
        if (operators == null) {
            return false;
        }
        for (MapNode.Entry operator : operators.entries()) {
            MapNode keys = operator.value().asMap();
            if (keys == null || !operator.key().startsWith("Bool")) {
                continue;
            }
            for (MapNode.Entry key : keys.entries()) {
                if (!"aws:securetransport".equals(key.key().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (Alternative value : evaluator.elements(key.value())) {
                    if ("false".equals(SettingBranches.text(value.value()))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
