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
        id = "SL8008",
        name = "LogGroupCustomerKey",
        summary = "Log groups are encrypted with a customer managed KMS key",
        severity = Severity.INFO,
        securitySeverity = "2.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Logs::LogGroup"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/"
                + "encrypt-log-data-kms.html",
        tags = {"security", "logs", "encryption", "customer-managed-key"},
        aliases = {"W84", "CKV_AWS_158", "CloudWatchLogGroupEncrypted", "AWS-0017"},
        enabledByDefault = false)
public final class LogGroupCustomerKeyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource group : context.template().resourcesOfType("AWS::Logs::LogGroup")) {
            for (List<String> branch : SettingBranches.absent(context.evaluator(),
                    group.property("KmsKeyId"))) {
                String when = branch.isEmpty() ? ""
                        : " (when " + String.join(" and ", branch) + ")";
                findings.add(context.finding(group.span(), group.logicalId(), "Log group '"
                        + group.logicalId() + "' sets no KmsKeyId" + when + ", so CloudWatch"
                        + " Logs encrypts it with a key AWS manages; set KmsKeyId to a customer"
                        + " managed key where your policy requires one."));
                break;
            }
        }
        return findings;
    }
}
