package dev.slens.rules.cost;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8050",
        name = "LogGroupRetention",
        summary = "Log groups set a retention period",
        severity = Severity.WARNING,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Logs::LogGroup"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/"
                + "Working-with-log-groups-and-streams.html#SettingLogRetention",
        tags = {"logs", "cost"},
        aliases = {"W86", "CKV_AWS_66", "CloudWatchLogGroupRetentionPeriod"})
public final class LogGroupRetentionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        // SL1005 reports the groups that functions write to, with the function named.
        Set<Resource> functionGroups = new HashSet<>();
        for (Resource function : context.index().functions()) {
            functionGroups.addAll(context.index().logGroupsOf(function));
        }
        List<Finding> findings = new ArrayList<>();
        for (Resource group : context.template().resourcesOfType("AWS::Logs::LogGroup")) {
            if (functionGroups.contains(group)) {
                continue;
            }
            Node retention = group.property("RetentionInDays");
            if (retention == null) {
                findings.add(context.finding(group.span(), group.logicalId(),
                        message(group, "")));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(retention)) {
                if (alternative.value() instanceof Value.NoValue) {
                    findings.add(context.finding(alternative.node().span(), group.logicalId(),
                            message(group, alternative.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource group, String qualifier) {
        return "Log group '" + group.logicalId() + "' sets no RetentionInDays" + qualifier
                + ", so it keeps every event forever and its storage cost grows without bound;"
                + " set RetentionInDays, such as 30.";
    }
}
