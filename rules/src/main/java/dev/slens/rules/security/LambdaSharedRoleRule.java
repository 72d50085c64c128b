package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "SL1018",
        name = "LambdaSharedRole",
        summary = "Each function runs with an execution role of its own",
        severity = Severity.INFO,
        securitySeverity = "3.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::IAM::Role"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html",
        tags = {"security", "lambda", "iam", "least-privilege"},
        aliases = {"ae03f542", "4ba74f01", "165aae3b"})
public final class LambdaSharedRoleRule implements Rule {

    /** The functions that use one role, how messages name the role, and where it is written. */
    private record Sharing(String role, SourceSpan span, String logicalId,
            List<Resource> functions) { }

    @Override
    public List<Finding> check(RuleContext context) {
        Map<String, Sharing> byRole = new LinkedHashMap<>();
        for (Resource function : context.index().functions()) {
            Node roleNode = function.property("Role");
            Resource role = context.index().roleOf(function);
            if (role != null) {
                byRole.computeIfAbsent("resource:" + role.logicalId(), k -> new Sharing(
                        "Role '" + role.logicalId() + "'", role.span(), role.logicalId(),
                        new ArrayList<>())).functions().add(function);
                continue;
            }
            List<Alternative> values = roleNode == null ? List.of()
                    : context.evaluator().alternatives(roleNode);
            if (values.size() == 1 && values.get(0).value() instanceof Value.Text text) {
                String description = text.exact() ? "Role '" + text.text() + "'"
                        : "The role that '" + function.logicalId() + "' names in Role";
                byRole.computeIfAbsent("text:" + text.text(), k -> new Sharing(description,
                        values.get(0).node().span(), function.logicalId(), new ArrayList<>()))
                        .functions().add(function);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Sharing sharing : byRole.values()) {
            if (sharing.functions().size() > 1) {
                findings.add(finding(context, sharing));
            }
        }
        return findings;
    }

    private static Finding finding(RuleContext context, Sharing sharing) {
        List<String> names = new ArrayList<>();
        List<Finding.Related> related = new ArrayList<>();
        for (Resource function : sharing.functions()) {
            String name = function.isWritten() ? function.logicalId() : function.generatedFrom();
            names.add(name);
            related.add(new Finding.Related(function.span(), "Function '" + name
                    + "' runs with this role."));
        }
        return context.finding(Severity.INFO, sharing.span(), sharing.logicalId(),
                sharing.role() + " is the execution role of " + names.size()
                        + " functions, '" + String.join("', '", names) + "', so each of them"
                        + " may do what any of them needs; give each function a role with"
                        + " only its own permissions.", related);
    }
}
