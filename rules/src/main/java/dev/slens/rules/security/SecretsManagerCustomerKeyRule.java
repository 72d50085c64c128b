package dev.slens.rules.security;

import dev.slens.index.Alternative;
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

@RuleInfo(
        id = "SL8009",
        name = "SecretsManagerCustomerKey",
        summary = "Secrets are encrypted with a customer managed KMS key",
        severity = Severity.INFO,
        securitySeverity = "2.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SecretsManager::Secret"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/"
                + "security-encryption.html",
        tags = {"security", "secrets", "encryption", "customer-managed-key"},
        aliases = {"W77", "CKV_AWS_149", "SecretsManagerUsingKMSKey", "c8ae9ba9", "AWS-0098"},
        enabledByDefault = false)
public final class SecretsManagerCustomerKeyRule implements Rule {

    private static final String AWS_MANAGED_ALIAS = "alias/aws/secretsmanager";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource secret : context.template().resourcesOfType("AWS::SecretsManager::Secret")) {
            Node key = secret.property("KmsKeyId");
            if (key == null) {
                findings.add(context.finding(secret.span(), secret.logicalId(),
                        message(secret, "sets no KmsKeyId")));
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(key)) {
                String text = branch.value().exactText();
                if (text != null && text.endsWith(AWS_MANAGED_ALIAS)) {
                    findings.add(context.finding(branch.node().span(), secret.logicalId(),
                            message(secret, "sets KmsKeyId to '" + text + "'"
                                    + branch.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource secret, String problem) {
        return "Secret '" + secret.logicalId() + "' " + problem + ", so it is encrypted with the"
                + " AWS managed key 'aws/secretsmanager', which cannot be shared with other"
                + " accounts; set KmsKeyId to a customer managed key where your policy"
                + " requires one.";
    }
}
