package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "SL1010",
        name = "LambdaEnvironmentSecret",
        summary = "Lambda environment variables hold no secrets",
        severity = Severity.ERROR,
        securitySeverity = "7.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/secretsmanager/latest/userguide/"
                + "retrieving-secrets_lambda.html",
        tags = {"security", "lambda", "secrets"},
        aliases = {"CKV_AWS_45", "CKV_AWS_41", "W1011", "W2501"})
public final class LambdaEnvironmentSecretRule implements Rule {

    private static final String ADVICE = "; store it in Secrets Manager or SSM Parameter Store"
            + " and read it at run time, for example with the Parameters and Secrets Lambda"
            + " extension.";

    @Override
    public List<Finding> check(RuleContext context) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (Resource function : context.index().functions()) {
            Node environment = function.property("Environment");
            if (environment == null) {
                continue;
            }
            for (Alternative block : context.evaluator().alternatives(environment)) {
                MapNode map = asMap(block.value());
                Node variables = map == null ? null : map.get("Variables");
                if (variables == null) {
                    continue;
                }
                for (Alternative variableMap : context.evaluator().alternatives(variables)) {
                    MapNode entries = asMap(variableMap.value());
                    if (entries != null) {
                        for (MapNode.Entry entry : entries.entries()) {
                            checkVariable(context, function, entry, findings);
                        }
                    }
                }
            }
        }
        return List.copyOf(findings);
    }

    private static void checkVariable(RuleContext context, Resource function,
            MapNode.Entry variable, Set<Finding> findings) {
        String subject = "Function '" + function.logicalId() + "' sets environment variable '"
                + variable.key() + "'";
        for (Alternative value : context.evaluator().alternatives(variable.value())) {
            String text = value.value() instanceof Value.Text written ? written.text() : null;
            if (text == null) {
                continue;
            }
            Verdict verdict = verdict(subject, variable.key(), text, value);
            if (verdict != null) {
                findings.add(context.finding(verdict.severity(), value.node().span(),
                        function.logicalId(), verdict.message()));
            }
        }
    }

    /** A finding's severity and message. */
    private record Verdict(Severity severity, String message) { }

    /** Returns the finding for a variable whose value may be {@code text}, or null. */
    private static Verdict verdict(String subject, String name, String text,
            Alternative value) {
        String where = value.qualifier();
        if (text.contains("{{resolve:secretsmanager:") || text.contains("{{resolve:ssm-secure:")) {
            return new Verdict(Severity.WARNING, subject + where + " to a dynamic reference"
                    + " that CloudFormation resolves into the function configuration, where"
                    + " anyone who may read the configuration sees the secret in plain text"
                    + ADVICE);
        }
        List<SecretDetector.Match> matches = SecretDetector.knownFormats(text);
        if (!matches.isEmpty()) {
            SecretDetector.Match match = matches.get(0);
            return new Verdict(Severity.ERROR, subject + where + " to a value that contains "
                    + match.kind() + ", " + SecretDetector.mask(match.secret())
                    + ", in plain text" + ADVICE);
        }
        boolean exact = value.value().exactText() != null;
        if (exact && SecretDetector.isSecretName(name) && isLiteralSecret(text)) {
            return new Verdict(Severity.WARNING, subject + where + ", whose name marks a"
                    + " secret, to a literal value of " + text.length() + " characters, in plain"
                    + " text" + ADVICE);
        }
        if (exact && SecretDetector.isHighEntropy(text)) {
            return new Verdict(Severity.WARNING, subject + where + " to a random-looking value, "
                    + SecretDetector.mask(text) + ", that may be a key or token, in plain text"
                    + ADVICE);
        }
        return null;
    }

    /**
     * Returns whether {@code text} may be a secret rather than a pointer to one or a
     * placeholder: not shorter than 4 characters, not a flag word, not one character repeated
     * (such as {@code xxxxxx}), not in angle brackets, and not an ARN, an SSM parameter path or
     * a plain SSM dynamic reference.
     */
    private static boolean isLiteralSecret(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        boolean placeholder = value.chars().distinct().count() == 1
                || value.startsWith("<") && value.endsWith(">");
        return value.length() >= 4 && !placeholder && !value.startsWith("arn:")
                && !value.startsWith("/") && !value.startsWith("{{resolve:ssm:")
                && !Set.of("none", "null", "true", "false").contains(value);
    }

    private static MapNode asMap(Value value) {
        return value instanceof Value.Structure structure ? structure.node().asMap() : null;
    }
}
