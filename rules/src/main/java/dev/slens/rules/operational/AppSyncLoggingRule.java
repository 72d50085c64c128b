package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
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
import java.util.List;

@RuleInfo(
        id = "SL3011",
        name = "AppSyncLogging",
        summary = "AppSync GraphQL APIs send resolver errors to CloudWatch Logs",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::AppSync::GraphQLApi", "AWS::Serverless::GraphQLApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html",
        tags = {"appsync", "observability", "logs"},
        aliases = {"AwsSolutions-ASC3", "CKV_AWS_193", "CKV_AWS_194"})
public final class AppSyncLoggingRule implements Rule {

    private static final String ADVICE = "; set LogConfig with CloudWatchLogsRoleArn and"
            + " FieldLogLevel 'ERROR' or a more detailed level (SAM: Logging).";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            Node config = api.property("LogConfig");
            if (config == null) {
                findings.add(context.finding(api.span(), api.logicalId(), "GraphQL API '"
                        + api.logicalId() + "' has no LogConfig, so resolver errors are not"
                        + " logged anywhere" + ADVICE));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(config)) {
                checkConfig(context, api, alternative, findings);
            }
        }
        return findings;
    }

    private static void checkConfig(RuleContext context, Resource api, Alternative config,
            List<Finding> findings) {
        String subject = "GraphQL API '" + api.logicalId() + "'";
        if (config.value() instanceof Value.NoValue) {
            findings.add(context.finding(config.node().span(), api.logicalId(), subject
                    + " has no LogConfig" + config.qualifier() + ", so resolver errors are not"
                    + " logged anywhere" + ADVICE));
            return;
        }
        MapNode map = config.value() instanceof Value.Structure structure
                ? structure.node().asMap() : null;
        if (map == null) {
            return;
        }
        // A map written directly under the key starts on the line after it, so point at the key.
        MapNode.Entry key = api.properties().entry("LogConfig");
        SourceSpan at = config.node() == key.value() ? key.keySpan() : config.node().span();
        if (map.get("CloudWatchLogsRoleArn") == null) {
            findings.add(context.finding(at, api.logicalId(), subject
                    + " sets no LogConfig.CloudWatchLogsRoleArn" + config.qualifier()
                    + ", so AppSync cannot write its logs" + ADVICE));
        }
        Node level = map.get("FieldLogLevel");
        if (level == null) {
            findings.add(context.finding(at, api.logicalId(), subject
                    + " sets no LogConfig.FieldLogLevel" + config.qualifier()
                    + ", so it logs no resolver errors" + ADVICE));
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(level)) {
            String text = alternative.value().exactText();
            if (alternative.value() instanceof Value.NoValue || "NONE".equals(text)) {
                findings.add(context.finding(alternative.node().span(), api.logicalId(),
                        subject + " sets LogConfig.FieldLogLevel to 'NONE'"
                                + alternative.qualifier() + ", so it logs no resolver errors"
                                + ADVICE));
            }
        }
    }
}
