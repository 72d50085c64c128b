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
import java.util.List;

@RuleInfo(
        id = "SL1005",
        name = "LambdaLogRetention",
        summary = "Lambda functions write to a log group with a retention period",
        severity = Severity.WARNING,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
                "AWS::Logs::LogGroup"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/"
                + "Working-with-log-groups-and-streams.html#SettingLogRetention",
        tags = {"lambda", "logs", "cost"},
        aliases = {"WS1004"})
public final class LambdaLogRetentionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            List<Resource> groups = context.index().logGroupsOf(function);
            // A LoggingConfig.LogGroup that names no group of this template is assumed to be
            // managed elsewhere.
            if (groups.isEmpty() && !context.index().setsLogGroup(function)) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        "Function '" + function.logicalId() + "' has no AWS::Logs::LogGroup in"
                                + " this template, so Lambda creates one on first use that keeps"
                                + " logs forever; add a log group named '/aws/lambda/${"
                                + function.logicalId() + "}' with RetentionInDays, or set"
                                + " LoggingConfig.LogGroup to one."));
            }
            for (Resource group : groups) {
                checkRetention(context, function, group, findings);
            }
        }
        return findings;
    }

    private static void checkRetention(RuleContext context, Resource function, Resource group,
            List<Finding> findings) {
        Node retention = group.property("RetentionInDays");
        if (retention == null) {
            findings.add(context.finding(group.span(), function.logicalId(),
                    message(context, function, group, "")));
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(retention)) {
            if (alternative.value() instanceof Value.NoValue) {
                findings.add(context.finding(alternative.node().span(), function.logicalId(),
                        message(context, function, group, alternative.qualifier())));
            }
        }
    }

    private static String message(RuleContext context, Resource function, Resource group,
            String qualifier) {
        return "Function '" + function.logicalId() + "' writes to log group '"
                + group.logicalId() + "', which exists but sets no RetentionInDays" + qualifier
                + ", so it keeps logs forever; " + context.fix(group.logicalId(),
                        "set RetentionInDays on '" + group.logicalId() + "'.",
                        "set provider.logRetentionInDays, or logRetentionInDays on function '"
                        + group.generatedFrom() + "'.");
    }
}
