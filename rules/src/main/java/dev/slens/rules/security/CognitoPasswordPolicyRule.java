package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.WholeNumbers;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL8012",
        name = "CognitoPasswordPolicy",
        summary = "Cognito user pools require long passwords with mixed characters",
        severity = Severity.WARNING,
        securitySeverity = "5.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Cognito::UserPool"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/cognito/latest/developerguide/"
                + "managing-users-passwords.html",
        tags = {"security", "cognito", "authentication"},
        aliases = {"AwsSolutions-COG1", "W57"})
public final class CognitoPasswordPolicyRule implements Rule {

    /** The shortest password length the rule accepts, which is also Cognito's default. */
    private static final int MINIMUM_LENGTH = 8;

    /** The character classes a strong policy requires; Cognito's default policy has all four. */
    private static final List<String> REQUIREMENTS = List.of("RequireUppercase",
            "RequireLowercase", "RequireNumbers", "RequireSymbols");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource pool : context.template().resourcesOfType("AWS::Cognito::UserPool")) {
            Node policies = pool.property("Policies");
            MapNode policyHolder = policies == null ? null : policies.asMap();
            MapNode.Entry policyEntry =
                    policyHolder == null ? null : policyHolder.entry("PasswordPolicy");
            if (policyEntry == null) {
                continue;
            }
            Node policy = policyEntry.value();
            for (Alternative branch : evaluator.alternatives(policy)) {
                MapNode map = branch.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                List<String> weaknesses = map == null ? List.of() : weaknesses(evaluator, map);
                if (!weaknesses.isEmpty()) {
                    SourceSpan at = branch.conditions().isEmpty() ? policyEntry.keySpan()
                            : branch.node().span();
                    findings.add(context.finding(at, pool.logicalId(),
                            "User pool '" + pool.logicalId() + "' has a password policy"
                                    + branch.qualifier() + " that " + String.join(" and ",
                                    weaknesses) + ", so passwords are easier to guess; require"
                                    + " at least " + MINIMUM_LENGTH + " characters with upper-"
                                    + " and lower-case letters, numbers and symbols."));
                }
            }
        }
        return findings;
    }

    /**
     * Returns what is weak in a written password policy. An unknown value counts as strong. A
     * requirement left out of a written policy counts as false: the policy replaces Cognito's
     * default policy as a whole, and the Cognito API reference (PasswordPolicyType) gives the
     * four booleans no default, unlike TemporaryPasswordValidityDays.
     */
    private static List<String> weaknesses(Evaluator evaluator, MapNode policy) {
        List<String> weaknesses = new ArrayList<>();
        Node length = policy.get("MinimumLength");
        if (length != null) {
            for (Alternative value : evaluator.alternatives(length)) {
                Integer number = number(value.value());
                if (number != null && number < MINIMUM_LENGTH) {
                    weaknesses.add("allows passwords of " + number + " characters");
                    break;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String requirement : REQUIREMENTS) {
            Node node = policy.get(requirement);
            boolean off = node == null
                    || !SettingBranches.equalTo(evaluator, node, "false").isEmpty();
            if (off) {
                missing.add(requirement);
            }
        }
        if (!missing.isEmpty()) {
            weaknesses.add("does not set " + String.join(", ", missing) + " to 'true'");
        }
        return weaknesses;
    }

    private static Integer number(Value value) {
        Long number = WholeNumbers.parse(SettingBranches.text(value));
        boolean fits = number != null && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE;
        return fits ? Integer.valueOf(number.intValue()) : null;
    }
}
