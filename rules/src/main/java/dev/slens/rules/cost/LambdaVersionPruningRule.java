package dev.slens.rules.cost;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1077",
        name = "LambdaVersionPruning",
        summary = "Serverless Framework versions are pruned or not published",
        severity = Severity.INFO,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Lambda::Version"},
        since = "0.1.0",
        sourceUrl = "https://www.serverless.com/framework/docs/providers/aws/guide/functions",
        tags = {"lambda", "cost", "versions", "serverless-framework"})
public final class LambdaVersionPruningRule implements Rule {

    /** The Metadata key under which the serverless.yml expansion names the pruning setting. */
    static final String PRUNED_BY = "SlensPrunedBy";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.template().format() != TemplateFormat.SERVERLESS_FRAMEWORK) {
            // SAM's AutoPublishAlias publishes a version only when the code or settings change.
            return findings;
        }
        for (Resource version : context.template().resourcesOfType("AWS::Lambda::Version")) {
            if (version.isWritten() || version.isServiceWide()) {
                continue;
            }
            // A version the framework makes only for an alias is not retained, so CloudFormation
            // deletes the old one when it replaces it.
            Node policy = version.attribute("DeletionPolicy");
            if (policy == null || !"Retain".equals(policy.text())) {
                continue;
            }
            MapNode metadata = version.attributes().getMap("Metadata");
            if (metadata != null && metadata.has(PRUNED_BY)) {
                continue;
            }
            String function = version.generatedFrom();
            findings.add(context.finding(version.span(), function, "Function '" + function
                    + "' publishes a new version on every deployment, because versionFunctions"
                    + " is not false, and nothing deletes old versions,"
                    + " which count against the Region's 75 GB code storage quota; add"
                    + " 'serverless-prune-plugin' to plugins with custom.prune.automatic: true,"
                    + " or set versionFunctions: false when no alias or rollback uses them."));
        }
        return findings;
    }
}
