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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL1013",
        name = "LambdaPermissionSourceScope",
        summary = "Lambda permissions for AWS services name the source resource",
        severity = Severity.WARNING,
        securitySeverity = "6.3",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Permission"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html",
        tags = {"security", "lambda", "resource-policy", "confused-deputy"},
        aliases = {"CKV_AWS_364", "AWS-0067", "W3663", "W3664"})
public final class LambdaPermissionSourceRule implements Rule {

    /** Service principals whose ARNs use another service name. */
    private static final Map<String, String> ARN_SERVICE = Map.of(
            "apigateway", "execute-api");

    /** A part of a text the evaluator could not know, such as <code>{{ref:Bucket}}</code>. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    /** ARN services whose resource ARNs carry no account ID, so SourceAccount is needed. */
    private static final List<String> ACCOUNTLESS = List.of("s3");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource permission : context.template().resourcesOfType("AWS::Lambda::Permission")) {
            Node principal = permission.property("Principal");
            if (principal == null) {
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(principal)) {
                String service = servicePrincipal(principalText(branch.value()));
                if (service != null) {
                    check(context, permission, branch, service, findings);
                }
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource permission, Alternative principal,
            String service, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        Node sourceArn = permission.property("SourceArn");
        String subject = (permission.isWritten() ? "Permission '" + permission.logicalId()
                : "The permission '" + permission.logicalId() + "' generated for '"
                        + permission.generatedFrom()) + "' lets '"
                + principalText(principal.value()) + "'" + principal.qualifier();
        if (absent(evaluator, sourceArn)) {
            boolean account = !absent(evaluator, permission.property("SourceAccount"));
            if (account && !permission.isWritten()) {
                return;
            }
            String scope = account ? " invoke the function with SourceAccount but without"
                    + " SourceArn, so any resource of that service in the account may trigger it"
                    : " invoke the function without SourceArn, so any resource of that service,"
                    + " also in other accounts, may trigger it";
            findings.add(context.finding(account ? Severity.INFO : Severity.WARNING,
                    principal.node().span(), permission.logicalId(), subject + scope
                            + "; set SourceArn to the ARN of the resource that calls the"
                            + " function."));
            return;
        }
        String expected = ARN_SERVICE.getOrDefault(service, service);
        for (Alternative arn : evaluator.alternatives(sourceArn)) {
            String arnService = arnService(arn.value());
            if (arnService != null && !arnService.equals(expected)) {
                findings.add(context.finding(arn.node().span(), permission.logicalId(),
                        subject + " invoke the function, but SourceArn" + arn.qualifier()
                                + " names a '" + arnService + "' resource, so the condition"
                                + " never matches what that service sends; set SourceArn to"
                                + " the ARN of the '" + expected + "' resource that calls it."));
            }
        }
        if (ACCOUNTLESS.contains(expected)
                && absent(evaluator, permission.property("SourceAccount"))) {
            findings.add(context.finding(sourceArn.span(), permission.logicalId(),
                    subject + " invoke the function with a SourceArn that has no account ID,"
                            + " so a bucket of the same name in another account matches it"
                            + " after yours is deleted; set SourceAccount to"
                            + " '!Ref AWS::AccountId'."));
        }
    }

    /**
     * Returns a principal's text with {@code ${AWS::URLSuffix}} read as {@code amazonaws.com},
     * or null when the text is not a string.
     */
    private static String principalText(Value value) {
        return value instanceof Value.Text text
                ? text.text().replace("{{AWS::URLSuffix}}", "amazonaws.com") : null;
    }

    /** Returns the service of a principal such as {@code sns.amazonaws.com}, or null. */
    static String servicePrincipal(String principal) {
        if (principal == null || principal.contains("{{")) {
            return null;
        }
        String text = principal.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".amazonaws.com", ".amazonaws.com.cn")) {
            if (text.endsWith(suffix) && text.length() > suffix.length()) {
                return text.substring(0, text.length() - suffix.length());
            }
        }
        return null;
    }

    /**
     * Returns the service field of an ARN, such as {@code sns}, when the text has it in the
     * clear; a partition placeholder before it does not matter.
     */
    private static String arnService(Value value) {
        if (!(value instanceof Value.Text text) || !text.text().startsWith("arn:")) {
            return null;
        }
        String[] fields = PLACEHOLDER.matcher(text.text()).replaceAll("?").split(":", -1);
        if (fields.length < 4 || fields[2].isEmpty() || fields[2].contains("?")) {
            return null;
        }
        return fields[2].toLowerCase(Locale.ROOT);
    }

    /** Returns whether {@code node} is missing or {@code AWS::NoValue} in some branch. */
    private static boolean absent(Evaluator evaluator, Node node) {
        return node == null || evaluator.alternatives(node).stream()
                .anyMatch(a -> a.value() instanceof Value.NoValue);
    }
}
