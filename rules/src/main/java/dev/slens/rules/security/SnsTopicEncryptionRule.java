package dev.slens.rules.security;

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
        id = "SL7040",
        name = "SnsTopicEncryption",
        summary = "SNS topics encrypt messages at rest with a KMS key",
        severity = Severity.WARNING,
        securitySeverity = "4.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SNS::Topic"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html",
        tags = {"security", "sns", "encryption"},
        aliases = {"W47", "CKV_AWS_26", "SNSEncryptedKMS", "AWS-0095", "AWS-0136"})
public final class SnsTopicEncryptionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource topic : context.template().resourcesOfType("AWS::SNS::Topic")) {
            List<List<String>> absent = SettingBranches.absent(context.evaluator(),
                    topic.property("KmsMasterKeyId"));
            if (absent.isEmpty()) {
                continue;
            }
            String when = absent.contains(List.of()) ? ""
                    : " (when " + String.join(" and ", absent.get(0)) + ")";
            String source = topic.isWritten() ? "" : ", which the transform or framework creates,";
            findings.add(context.finding(topic.span(), topic.logicalId(),
                    "Topic '" + topic.logicalId() + "'" + source + " has no KmsMasterKeyId"
                    + when + ", so SNS stores its messages unencrypted; set KmsMasterKeyId,"
                    + " for example to 'alias/aws/sns'."));
        }
        return findings;
    }
}
