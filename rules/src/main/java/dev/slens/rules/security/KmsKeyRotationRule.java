package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
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
        id = "SL8070",
        name = "KmsKeyRotation",
        summary = "Symmetric KMS keys rotate their key material every year",
        severity = Severity.WARNING,
        securitySeverity = "4.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::KMS::Key"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html",
        tags = {"security", "kms", "encryption"},
        aliases = {"F19", "CKV_AWS_7", "AwsSolutions-KMS5", "AWS-0065"})
public final class KmsKeyRotationRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource key : context.template().resourcesOfType("AWS::KMS::Key")) {
            List<String> symmetric = symmetricBranch(evaluator, key.property("KeySpec"));
            if (symmetric == null) {
                continue;
            }
            Finding finding = rotationOff(context, key, symmetric);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    /**
     * Returns a finding for the first branch, compatible with the symmetric one, that sets
     * rotation to false or leaves it out, or null when rotation is on in every such branch.
     */
    private static Finding rotationOff(RuleContext context, Resource key, List<String> symmetric) {
        Evaluator evaluator = context.evaluator();
        Node rotation = key.property("EnableKeyRotation");
        for (Alternative branch : SettingBranches.equalTo(evaluator, rotation, "false")) {
            if (SettingBranches.compatible(branch.conditions(), symmetric)) {
                return context.finding(branch.node().span(), key.logicalId(),
                        message(key, "sets EnableKeyRotation to 'false'" + branch.qualifier()));
            }
        }
        for (List<String> branch : SettingBranches.absent(evaluator, rotation)) {
            if (SettingBranches.compatible(branch, symmetric)) {
                String when = branch.isEmpty() ? ""
                        : " (when " + String.join(" and ", branch) + ")";
                return context.finding(key.span(), key.logicalId(),
                        message(key, "has no EnableKeyRotation" + when));
            }
        }
        return null;
    }

    /**
     * Returns the conditions of a branch in which the key is symmetric ({@code KeySpec} absent
     * or {@code SYMMETRIC_DEFAULT}), or null when the key is asymmetric, HMAC or unknown in
     * every branch. Only symmetric encryption keys support automatic rotation.
     */
    private static List<String> symmetricBranch(Evaluator evaluator, Node spec) {
        if (spec == null) {
            return List.of();
        }
        for (Alternative alternative : evaluator.alternatives(spec)) {
            String text = SettingBranches.text(alternative.value());
            if (alternative.value() instanceof Value.NoValue
                    || "symmetric_default".equalsIgnoreCase(text)) {
                return alternative.conditions();
            }
        }
        return null;
    }

    private static String message(Resource key, String problem) {
        return "KMS key '" + key.logicalId() + "' " + problem + ", so its key material never"
                + " changes; set EnableKeyRotation to 'true'.";
    }
}
