package dev.slens.rules.security;

import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.List;

@RuleInfo(
        id = "SL6031",
        name = "SqsQueueSecureTransport",
        summary = "SQS queues deny requests sent without TLS",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SQS::Queue", "AWS::SQS::QueuePolicy"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
                + "sqs-security-best-practices.html",
        tags = {"security", "sqs", "encryption-in-transit"},
        aliases = {"AwsSolutions-SQS4"},
        enabledByDefault = false)
public final class SqsQueueSecureTransportRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        return SecureTransportPolicies.check(context, "AWS::SQS::Queue",
                "AWS::SQS::QueuePolicy", "Queues", "Queue");
    }
}
