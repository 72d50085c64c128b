package dev.slens.rules.security;

import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.List;

@RuleInfo(
        id = "SL7041",
        name = "SnsTopicSecureTransport",
        summary = "SNS topics deny requests sent without TLS",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SNS::Topic", "AWS::SNS::TopicPolicy"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
        tags = {"security", "sns", "encryption-in-transit"},
        aliases = {"AwsSolutions-SNS3"},
        enabledByDefault = false)
public final class SnsTopicSecureTransportRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        return SecureTransportPolicies.check(context, "AWS::SNS::Topic",
                "AWS::SNS::TopicPolicy", "Topics", "Topic");
    }
}
