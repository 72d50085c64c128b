package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
import java.util.regex.Pattern;

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

    /** The hyphen and six characters that Secrets Manager appends to a secret's ARN. */
    private static final Pattern RANDOM_SUFFIX = Pattern.compile("-[A-Za-z0-9]{6}$");

    @Override
    public List<Finding> check(RuleContext context) {
        Set<String> rotated = new HashSet<>();
        Set<String> rotatedNames = new HashSet<>();
        for (Resource schedule : context.template()
                .resourcesOfType("AWS::SecretsManager::RotationSchedule")) {
            boolean rotates = schedule.property("RotationLambdaARN") != null
                    || schedule.property("HostedRotationLambda") != null;
            if (!rotates || schedule.property("SecretId") == null) {
                continue;
            }
            String secret = context.evaluator().referencedResource(schedule.property("SecretId"));
            if (secret != null) {
                rotated.add(secret);
            }
            for (Alternative id : context.evaluator().alternatives(schedule.property("SecretId"))) {
                rotatedNames.addAll(secretNames(id.value()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Resource secret : context.template().resourcesOfType("AWS::SecretsManager::Secret")) {
            boolean named = secret.property("Name") != null && context.evaluator()
                    .alternatives(secret.property("Name")).stream()
                    .anyMatch(name -> name.value() instanceof Value.Text text
                            && rotatedNames.contains(text.text()));
            if (!rotated.contains(secret.logicalId()) && !named) {
                findings.add(context.finding(secret.span(), secret.logicalId(), "Secret '"
                        + secret.logicalId() + "' has no AWS::SecretsManager::RotationSchedule"
                        + " with a rotation function in this template, so its value stays the"
                        + " same until someone changes it by hand; add a RotationSchedule with"
                        + " HostedRotationLambda or RotationLambdaARN and RotationRules."));
            }
        }
        return findings;
    }

    /**
     * Returns the secret names a {@code SecretId} given as a name or an ARN can stand for. The
     * name in a full ARN ends in a hyphen and six random characters that Secrets Manager
     * appends, and a partial ARN has none, so both the name as written and the name without
     * such an ending are returned. Parts the evaluator cannot know, such as
     * {@code ${AWS::StackName}}, stay as placeholders and match the same placeholders in a
     * secret's {@code Name}.
     */
    static List<String> secretNames(Value value) {
        if (!(value instanceof Value.Text text)) {
            return List.of();
        }
        String id = text.text();
        if (!id.startsWith("arn:")) {
            return List.of(id);
        }
        int at = id.indexOf(":secret:");
        if (at < 0) {
            return List.of();
        }
        String name = id.substring(at + ":secret:".length());
        return List.of(name, RANDOM_SUFFIX.matcher(name).replaceFirst(""));
    }
}
