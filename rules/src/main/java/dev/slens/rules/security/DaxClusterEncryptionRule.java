package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
        id = "SL8006",
        name = "DaxClusterEncryption",
        summary = "DAX clusters encrypt their data at rest",
        severity = Severity.WARNING,
        securitySeverity = "5.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::DAX::Cluster"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                + "DAXEncryptionAtRest.html",
        tags = {"security", "dynamodb", "dax", "encryption"},
        aliases = {"AwsSolutions-DDB4", "CKV_AWS_47", "AWS-0023"})
public final class DaxClusterEncryptionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource cluster : context.template().resourcesOfType("AWS::DAX::Cluster")) {
            Node sse = cluster.property("SSESpecification");
            if (sse == null) {
                findings.add(context.finding(cluster.span(), cluster.logicalId(),
                        message(cluster, "has no SSESpecification")));
                continue;
            }
            for (Alternative block : evaluator.alternatives(sse)) {
                MapNode map = block.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                Node enabled = map == null ? null : map.get("SSEEnabled");
                if (block.value() instanceof Value.NoValue || map != null && enabled == null) {
                    findings.add(context.finding(block.node().span(), cluster.logicalId(),
                            message(cluster, "sets no SSESpecification.SSEEnabled"
                                    + block.qualifier())));
                    continue;
                }
                for (Alternative off : SettingBranches.equalTo(evaluator, enabled, "false")) {
                    findings.add(context.finding(off.node().span(), cluster.logicalId(),
                            message(cluster, "sets SSESpecification.SSEEnabled to 'false'"
                                    + block.qualifier() + off.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource cluster, String problem) {
        return "DAX cluster '" + cluster.logicalId() + "' " + problem + ", so its cached items"
                + " are stored unencrypted; set SSESpecification.SSEEnabled to 'true' (the"
                + " setting can only be chosen when the cluster is created).";
    }
}
