package dev.slens.rules.security;

import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8010",
        name = "SecretsManagerRotation",
        summary = "Secrets have a rotation schedule",
        severity = Severity.INFO,
        securitySeverity = "3.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::SecretsManager::Secret", "AWS::SecretsManager::RotationSchedule"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/"
                + "rotating-secrets.html",
        tags = {"security", "secrets", "rotation"},
        aliases = {"AwsSolutions-SMG4"})
public final class SecretsManagerRotationRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Set<String> rotated = new HashSet<>();
        for (Resource schedule : context.template()
                .resourcesOfType("AWS::SecretsManager::RotationSchedule")) {
            boolean rotates = schedule.property("RotationLambdaARN") != null
                    || schedule.property("HostedRotationLambda") != null;
            String secret = context.evaluator().referencedResource(schedule.property("SecretId"));
            if (rotates && secret != null) {
                rotated.add(secret);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Resource secret : context.template().resourcesOfType("AWS::SecretsManager::Secret")) {
            if (!rotated.contains(secret.logicalId())) {
                findings.add(context.finding(secret.span(), secret.logicalId(), "Secret '"
                        + secret.logicalId() + "' has no AWS::SecretsManager::RotationSchedule"
                        + " with a rotation function in this template, so its value stays the"
                        + " same until someone changes it by hand; add a RotationSchedule with"
                        + " HostedRotationLambda or RotationLambdaARN and RotationRules."));
            }
        }
        return findings;
    }
}
