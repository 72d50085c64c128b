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
        id = "SL8005",
        name = "DynamoDbTableCustomerKey",
        summary = "DynamoDB tables are encrypted with a customer managed KMS key",
        severity = Severity.INFO,
        securitySeverity = "2.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                + "EncryptionAtRest.html",
        tags = {"security", "dynamodb", "encryption", "customer-managed-key"},
        aliases = {"W74", "CKV_AWS_119", "c8dee387", "AWS-0025", "AWS-0121"},
        enabledByDefault = false)
public final class DynamoDbTableCustomerKeyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource table : context.template().resourcesOfType("AWS::DynamoDB::Table")) {
            Node sse = table.property("SSESpecification");
            if (sse == null) {
                findings.add(context.finding(table.span(), table.logicalId(),
                        message(table, "has no SSESpecification")));
                continue;
            }
            for (Alternative block : evaluator.alternatives(sse)) {
                MapNode map = block.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                if (map == null) {
                    continue;
                }
                boolean enabled = !SettingBranches.equalTo(evaluator, map.get("SSEEnabled"),
                        "true").isEmpty();
                boolean keyed = map.get("KMSMasterKeyId") != null;
                if (!enabled || !keyed) {
                    findings.add(context.finding(block.node().span(), table.logicalId(),
                            message(table, (enabled ? "sets no SSESpecification.KMSMasterKeyId"
                                    : "does not set SSESpecification.SSEEnabled to 'true'")
                                    + block.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource table, String problem) {
        return "Table '" + table.logicalId() + "' " + problem + ", so its data is encrypted"
                + " with a key AWS owns or manages; set SSEEnabled to 'true' and"
                + " KMSMasterKeyId to a customer managed key where your policy requires one.";
    }
}
