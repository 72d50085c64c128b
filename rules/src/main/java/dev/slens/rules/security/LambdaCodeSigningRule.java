package dev.slens.rules.security;

import dev.slens.index.Alternative;
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
        id = "SL1020",
        name = "LambdaCodeSigning",
        summary = "Functions deploy only code signed by a trusted publisher",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
            "AWS::Lambda::CodeSigningConfig"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-codesigning.html",
        tags = {"security", "lambda", "code-signing", "supply-chain"},
        aliases = {"CKV_AWS_272"},
        enabledByDefault = false)
public final class LambdaCodeSigningRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node packageType = function.property("PackageType");
            boolean image = packageType != null && context.evaluator().alternatives(packageType)
                    .stream().anyMatch(a -> "Image".equals(a.value().exactText()));
            if (!image && function.property("CodeSigningConfigArn") == null) {
                String name = function.isWritten() ? function.logicalId()
                        : function.generatedFrom();
                findings.add(context.finding(function.span(), function.logicalId(),
                        "Function '" + name + "' sets no CodeSigningConfigArn, so Lambda"
                                + " deploys any code package, signed or not; set it to a code"
                                + " signing configuration with your signing profile."));
            }
        }
        for (Resource config : context.template()
                .resourcesOfType("AWS::Lambda::CodeSigningConfig")) {
            findings.addAll(warnOnly(context, config));
        }
        return findings;
    }

    /** Reports a configuration whose policy only warns about unsigned or untrusted code. */
    private static List<Finding> warnOnly(RuleContext context, Resource config) {
        Node policies = config.property("CodeSigningPolicies");
        MapNode map = policies == null ? null : policies.asMap();
        Node action = map == null ? null : map.get("UntrustedArtifactOnDeployment");
        List<Finding> findings = new ArrayList<>();
        String message = "Code signing configuration '" + config.logicalId() + "' lets"
                + " unsigned or untrusted code deploy with a warning";
        if (action == null) {
            findings.add(context.finding(config.span(), config.logicalId(), message
                    + " (UntrustedArtifactOnDeployment defaults to 'Warn'); set"
                    + " CodeSigningPolicies.UntrustedArtifactOnDeployment to 'Enforce'."));
            return findings;
        }
        for (Alternative branch : context.evaluator().alternatives(action)) {
            if ("Warn".equalsIgnoreCase(branch.value().exactText())) {
                findings.add(context.finding(branch.node().span(), config.logicalId(), message
                        + branch.qualifier() + "; set UntrustedArtifactOnDeployment to"
                        + " 'Enforce'."));
            }
        }
        return findings;
    }
}
