package dev.slens.rules.reliability;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RuleInfo(
        id = "SL7020",
        name = "SnsSubscriptionEndpoint",
        summary = "SNS subscription endpoints have the form their protocol expects",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::SNS::Subscription", "AWS::SNS::Topic"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/sns/latest/api/API_Subscribe.html",
        tags = {"sns", "subscription"},
        aliases = {"W3694"})
public final class SnsSubscriptionEndpointRule implements Rule {

    /** The kind of value an endpoint holds, as far as the template shows it. */
    private enum Kind {
        HTTP("an http:// URL"),
        HTTPS("an https:// URL"),
        EMAIL("an email address"),
        PHONE("a phone number"),
        QUEUE_ARN("an SQS queue ARN"),
        QUEUE_URL("an SQS queue URL"),
        FUNCTION_ARN("a Lambda function ARN"),
        FUNCTION_NAME("a Lambda function name"),
        STREAM_ARN("a Firehose delivery stream ARN"),
        APPLICATION_ARN("an SNS platform application endpoint ARN");

        private final String text;

        Kind(String text) {
            this.text = text;
        }
    }

    private static final Map<String, Kind> EXPECTED = Map.of(
            "http", Kind.HTTP, "https", Kind.HTTPS, "email", Kind.EMAIL,
            "email-json", Kind.EMAIL, "sms", Kind.PHONE, "sqs", Kind.QUEUE_ARN,
            "lambda", Kind.FUNCTION_ARN, "firehose", Kind.STREAM_ARN,
            "application", Kind.APPLICATION_ARN);

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource subscription : context.template().resourcesOfType(
                "AWS::SNS::Subscription")) {
            if (subscription.isWritten()) {
                check(context, subscription, subscription.properties(),
                        "Subscription '" + subscription.logicalId() + "'", findings);
            }
        }
        for (Resource topic : context.template().resourcesOfType("AWS::SNS::Topic")) {
            Node inline = topic.property("Subscription");
            if (inline instanceof ListNode list) {
                for (Node entry : list.items()) {
                    if (entry.asMap() != null && entry.intrinsicName() == null) {
                        check(context, topic, entry.asMap(), "A subscription of topic '"
                                + topic.logicalId() + "'", findings);
                    }
                }
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource owner, MapNode settings,
            String subject, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        Node protocolNode = settings.get("Protocol");
        String written = evaluator.exactText(protocolNode);
        if (written == null) {
            return;
        }
        String protocol = written.toLowerCase(Locale.ROOT);
        Kind expected = EXPECTED.get(protocol);
        if (expected == null) {
            findings.add(context.finding(protocolNode.span(), owner.logicalId(), subject
                    + " has Protocol '" + written + "', which SNS does not accept; use one of"
                    + " 'http', 'https', 'email', 'email-json', 'sms', 'sqs', 'lambda',"
                    + " 'firehose' or 'application'."));
            return;
        }
        Node endpoint = settings.get("Endpoint");
        if (endpoint != null) {
            for (Alternative alternative : evaluator.alternatives(endpoint)) {
                Kind actual = kind(context, alternative);
                if (actual != null && actual != expected) {
                    findings.add(context.finding(alternative.node().span(), owner.logicalId(),
                            subject + " has Protocol '" + written + "', but its Endpoint is "
                            + actual.text + alternative.qualifier() + ", so SNS rejects the"
                            + " subscription; set Endpoint to " + expected.text + hint(actual)
                            + "."));
                }
            }
        }
        if (protocol.equals("firehose") && settings.get("SubscriptionRoleArn") == null) {
            findings.add(context.finding(protocolNode.span(), owner.logicalId(), subject
                    + " has Protocol 'firehose' but no SubscriptionRoleArn, so SNS cannot"
                    + " write to the delivery stream; set SubscriptionRoleArn to a role that"
                    + " may call firehose:PutRecord on it."));
        }
    }

    /** Returns the kind of an endpoint value, or null when the template does not show it. */
    private static Kind kind(RuleContext context, Alternative alternative) {
        Kind referenced = referenced(context, alternative.node());
        if (referenced != null) {
            return referenced;
        }
        if (!(alternative.value() instanceof Value.Text text) || text.text().startsWith("{{")) {
            return null;
        }
        return fromText(text.text());
    }

    /** Returns the kind of value a {@code Ref} or {@code Fn::GetAtt} to a resource gives. */
    private static Kind referenced(RuleContext context, Node node) {
        String target = node == null ? null : context.evaluator().referencedResource(node);
        String function = node == null ? null : node.intrinsicName();
        if (target == null || !("Ref".equals(function) || "Fn::GetAtt".equals(function))) {
            return null;
        }
        boolean ref = "Ref".equals(function);
        String attribute = ref ? null : attribute(node.asMap().get(function));
        return switch (context.template().resource(target).type()) {
            case "AWS::SQS::Queue" -> ref ? Kind.QUEUE_URL
                    : "Arn".equals(attribute) ? Kind.QUEUE_ARN : null;
            case "AWS::Lambda::Function" -> ref ? Kind.FUNCTION_NAME
                    : "Arn".equals(attribute) ? Kind.FUNCTION_ARN : null;
            case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> ref ? Kind.FUNCTION_ARN : null;
            case "AWS::KinesisFirehose::DeliveryStream" -> "Arn".equals(attribute)
                    ? Kind.STREAM_ARN : null;
            default -> null;
        };
    }

    private static String attribute(Node argument) {
        ListNode list = argument == null ? null : argument.asList();
        return list != null && list.size() > 1 ? list.get(1).text() : null;
    }

    private static Kind fromText(String text) {
        String value = text.strip();
        if (value.startsWith("arn:")) {
            String[] parts = value.split(":", 6);
            String service = parts.length > 2 ? parts[2] : "";
            String resource = parts.length > 5 ? parts[5] : "";
            return switch (service) {
                case "sqs" -> Kind.QUEUE_ARN;
                case "lambda" -> resource.startsWith("function") ? Kind.FUNCTION_ARN : null;
                case "firehose" -> Kind.STREAM_ARN;
                case "sns" -> resource.startsWith("endpoint/") ? Kind.APPLICATION_ARN : null;
                default -> null;
            };
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://sqs.")) {
            return Kind.QUEUE_URL;
        }
        if (lower.startsWith("http://")) {
            return Kind.HTTP;
        }
        if (lower.startsWith("https://")) {
            return Kind.HTTPS;
        }
        if (value.matches("[^@\\s]+@[^@\\s]+")) {
            return Kind.EMAIL;
        }
        return value.matches("\\+?[0-9][0-9 \\-]{5,}") ? Kind.PHONE : null;
    }

    private static String hint(Kind actual) {
        return switch (actual) {
            case QUEUE_URL -> " (Ref of a queue returns its URL; use Fn::GetAtt with 'Arn')";
            case FUNCTION_NAME -> " (Ref of a function returns its name; use Fn::GetAtt with"
                    + " 'Arn')";
            default -> "";
        };
    }
}
