package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
        id = "SL3003",
        name = "AppSyncVerboseLogging",
        summary = "AppSync APIs that log every field exclude verbose content",
        severity = Severity.WARNING,
        securitySeverity = "5.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::AppSync::GraphQLApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/monitoring.html",
        tags = {"security", "appsync", "logging", "privacy"})
public final class AppSyncVerboseLoggingRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            Node logConfig = api.property("LogConfig");
            MapNode log = logConfig == null ? null : logConfig.asMap();
            if (log == null || log.get("FieldLogLevel") == null
                    || !SettingBranches.equalTo(evaluator, log.get("ExcludeVerboseContent"),
                            "true").isEmpty()) {
                continue;
            }
            for (Alternative level : evaluator.alternatives(log.get("FieldLogLevel"))) {
                String text = level.value().exactText();
                if ("ALL".equals(text) || "DEBUG".equals(text)) {
                    findings.add(context.finding(level.node().span(), api.logicalId(),
                            "GraphQL API '" + api.logicalId() + "' sets LogConfig.FieldLogLevel"
                            + " '" + text + "'" + level.qualifier() + " without"
                            + " ExcludeVerboseContent: true, so AppSync writes request headers,"
                            + " the resolver context and evaluated mapping templates, with the"
                            + " data they carry, to CloudWatch Logs; set"
                            + " LogConfig.ExcludeVerboseContent to 'true' or lower the level to"
                            + " 'ERROR'."));
                }
            }
        }
        return findings;
    }
}
