package dev.slens.rules.security;

import dev.slens.index.Evaluator;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "SL9040",
        name = "MessagingPolicyOpenAccess",
        summary = "Queue, topic and event bus policies allow only named principals",
        severity = Severity.WARNING,
        securitySeverity = "6.8",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy",
            "AWS::Events::EventBusPolicy"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "reference_policies_elements_principal.html",
        tags = {"security", "sqs", "sns", "eventbridge", "resource-policy"},
        aliases = {"F18", "F8", "W19", "F20", "F21", "F7", "W18", "AWS-0097", "AwsSolutions-EVB1"})
public final class MessagingPolicyOpenAccessRule implements Rule {

    /** The policy property of each resource type: a document, or the bus policy's statement. */
    private static final Map<String, String> DOCUMENT_KEYS = Map.of(
            "AWS::SQS::QueuePolicy", "PolicyDocument",
            "AWS::SNS::TopicPolicy", "PolicyDocument",
            "AWS::Events::EventBusPolicy", "");

    /** Condition keys that limit a statement to one account, organization, source or network. */
    private static final Set<String> NARROWING_KEYS = Set.of("aws:sourcearn", "aws:sourceaccount",
            "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid",
            "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
            "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<String, String> type : DOCUMENT_KEYS.entrySet()) {
            for (Resource policy : context.template().resourcesOfType(type.getKey())) {
                Node document = type.getValue().isEmpty() ? policy.properties()
                        : policy.property(type.getValue());
                if (document == null) {
                    continue;
                }
                for (PolicyStatement statement
                        : new PolicyDocument(document, policy).statements(evaluator)) {
                    for (PolicyStatement allowed : statement.allowing(evaluator)) {
                        String problem = problem(evaluator, allowed);
                        if (problem != null) {
                            findings.add(context.finding(allowed.span(), policy.logicalId(),
                                    "Policy '" + policy.logicalId() + "' has an Allow statement"
                                    + when(allowed) + " that " + problem + "."));
                            break;
                        }
                    }
                }
            }
        }
        findings.sort((a, b) -> Integer.compare(a.span().line(), b.span().line()));
        return findings;
    }

    /** Returns what makes the statement too open, as a clause for the message, or null. */
    private static String problem(Evaluator evaluator, PolicyStatement statement) {
        MapNode node = statement.node();
        if (node.get("NotPrincipal") != null) {
            return "uses NotPrincipal, so it allows every principal but the ones listed;"
                    + " name the principals in Principal instead";
        }
        if (node.get("NotAction") != null) {
            return "uses NotAction, so it allows every action but the ones listed;"
                    + " name the actions in Action instead";
        }
        for (String action : statement.texts(evaluator, "Action")) {
            if (action != null && (action.equals("*") || action.endsWith(":*"))) {
                return "allows Action '" + action + "'; name the actions the principal needs";
            }
        }
        if (SecureTransportPolicies.everyone(evaluator, node.get("Principal"))
                && !narrowed(node.get("Condition"))) {
            return "allows Principal '*' without a condition on aws:SourceArn,"
                    + " aws:SourceAccount or aws:PrincipalOrgID, so any AWS account may use it;"
                    + " name the principals or add such a condition";
        }
        return null;
    }

    private static String when(PolicyStatement statement) {
        return statement.conditions().isEmpty() ? ""
                : " (when " + String.join(" and ", statement.conditions()) + ")";
    }

    /** Returns whether a Condition block tests one of the narrowing keys with any operator. */
    private static boolean narrowed(Node condition) {
        MapNode operators = condition == null ? null : condition.asMap();
        if (operators == null) {
            return condition != null;
        }
        for (MapNode.Entry operator : operators.entries()) {
            MapNode keys = operator.value().asMap();
            if (keys == null) {
                return true;
            }
            for (MapNode.Entry key : keys.entries()) {
                if (NARROWING_KEYS.contains(key.key().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }
}
