package dev.slens.rules.operational;

import dev.slens.index.Alternative;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RuleInfo(
        id = "SL1017",
        name = "LambdaPermissionPrincipals",
        summary = "Each function is invoked by one kind of caller",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Permission", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/wellarchitected/latest/"
                + "serverless-applications-lens/general-design-principles.html",
        tags = {"lambda", "resource-policy", "single-purpose"},
        aliases = {"WS1002"})
public final class LambdaPermissionPrincipalsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Map<String, Map<String, Node>> principalsByFunction = new LinkedHashMap<>();
        for (Resource permission : context.template().resourcesOfType("AWS::Lambda::Permission")) {
            String function = context.index().functionFor(permission.property("FunctionName"));
            Node principal = permission.property("Principal");
            if (function == null || principal == null) {
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(principal)) {
                if (branch.value() instanceof Value.Text text && !text.text().equals("*")) {
                    principalsByFunction.computeIfAbsent(function, k -> new LinkedHashMap<>())
                            .putIfAbsent(name(text), branch.node());
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        principalsByFunction.forEach((functionId, principals) -> {
            if (principals.size() > 1) {
                findings.add(finding(context, context.template().resource(functionId),
                        principals));
            }
        });
        return findings;
    }

    /** Returns a principal in lower case, with {@code ${AWS::URLSuffix}} as its usual value. */
    private static String name(Value.Text principal) {
        return principal.text().replace("{{AWS::URLSuffix}}", "amazonaws.com")
                .toLowerCase(Locale.ROOT);
    }

    private static Finding finding(RuleContext context, Resource function,
            Map<String, Node> principals) {
        List<Finding.Related> related = new ArrayList<>();
        principals.forEach((principal, node) -> related.add(
                new Finding.Related(node.span(), "Invoked by '" + principal + "'.")));
        String id = function.isWritten() ? function.logicalId() : function.generatedFrom();
        return context.finding(Severity.WARNING, function.span(), function.logicalId(),
                "Function '" + id + "' may be invoked by " + principals.size()
                        + " principals, '" + String.join("', '", principals.keySet())
                        + "', so its code must handle as many event shapes; give each caller a"
                        + " function of its own.", related);
    }
}
