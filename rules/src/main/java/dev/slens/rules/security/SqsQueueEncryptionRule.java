package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
        id = "SL6030",
        name = "SqsQueueEncryption",
        summary = "SQS queues keep server-side encryption on",
        severity = Severity.WARNING,
        securitySeverity = "4.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SQS::Queue"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
                + "sqs-server-side-encryption.html",
        tags = {"security", "sqs", "encryption"},
        aliases = {"AwsSolutions-SQS2", "W48", "CKV_AWS_27", "AWS-0096"})
public final class SqsQueueEncryptionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource queue : context.template().resourcesOfType("AWS::SQS::Queue")) {
            List<List<String>> keyAbsent = SettingBranches.absent(evaluator,
                    queue.property("KmsMasterKeyId"));
            if (keyAbsent.isEmpty()) {
                continue;
            }
            for (Alternative off : SettingBranches.equalTo(evaluator,
                    queue.property("SqsManagedSseEnabled"), "false")) {
                if (SettingBranches.absentWith(keyAbsent, off.conditions())) {
                    findings.add(context.finding(off.node().span(), queue.logicalId(),
                            "Queue '" + queue.logicalId() + "' sets SqsManagedSseEnabled to"
                            + " 'false' and has no KmsMasterKeyId" + off.qualifier()
                            + ", so its messages are stored unencrypted; remove"
                            + " SqsManagedSseEnabled or set KmsMasterKeyId."));
                    break;
                }
            }
        }
        return findings;
    }
}
