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
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1012",
        name = "LambdaEnvironmentCustomerKey",
        summary = "Functions with environment variables encrypt them with a customer key",
        severity = Severity.INFO,
        securitySeverity = "2.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "configuration-envvars-encryption.html",
        tags = {"security", "lambda", "encryption", "customer-managed-key"},
        aliases = {"CKV_AWS_173", "a7f8ac28", "4495bc5d"},
        enabledByDefault = false)
public final class LambdaEnvironmentCustomerKeyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            if (!hasVariables(context, function.property("Environment"))) {
                continue;
            }
            for (List<String> branch : SettingBranches.absent(context.evaluator(),
                    function.property("KmsKeyArn"))) {
                String when = branch.isEmpty() ? "" : " (when " + String.join(" and ", branch)
                        + ")";
                String name = function.isWritten() ? function.logicalId()
                        : function.generatedFrom();
                findings.add(context.finding(function.span(), function.logicalId(),
                        "Function '" + name + "' has environment variables but no KmsKeyArn"
                                + when + ", so they are encrypted with the AWS managed key"
                                + " 'aws/lambda'; set KmsKeyArn to a customer managed key"
                                + " where your policy requires one."));
                break;
            }
        }
        return findings;
    }

    /** Returns whether {@code Environment.Variables} has an entry in some branch. */
    private static boolean hasVariables(RuleContext context, Node environment) {
        if (environment == null) {
            return false;
        }
        for (Alternative block : context.evaluator().alternatives(environment)) {
            MapNode map = block.value() instanceof Value.Structure structure
                    ? structure.node().asMap() : null;
            Node variables = map == null ? null : map.get("Variables");
            if (variables != null && variables.asMap() != null
                    && !variables.asMap().entries().isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
