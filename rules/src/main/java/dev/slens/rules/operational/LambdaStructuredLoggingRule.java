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
import dev.slens.rules.EnvironmentVariables;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1067",
        name = "LambdaStructuredLogging",
        summary = "Lambda functions write structured JSON logs",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-"
                + "advanced.html",
        tags = {"lambda", "observability", "logs"},
        aliases = {"Serverless-LambdaLogging"})
public final class LambdaStructuredLoggingRule implements Rule {

    private static final String EFFECT = ", so its log lines are plain text that CloudWatch Logs"
            + " Insights cannot filter by field; ";
    private static final String POWERTOOLS = ", or log JSON with Powertools for AWS Lambda and"
            + " set POWERTOOLS_SERVICE_NAME.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            if (usesPowertools(context, function)) {
                continue;
            }
            Node config = function.property("LoggingConfig");
            if (config == null) {
                findings.add(finding(context, function, function.span(), "sets no"
                        + " LoggingConfig.LogFormat"));
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(config)) {
                MapNode map = Settings.map(branch.value());
                if (branch.value() instanceof Value.NoValue) {
                    findings.add(finding(context, function, branch.node().span(), "sets no"
                            + " LoggingConfig.LogFormat" + branch.qualifier()));
                } else if (map != null && map.get("LogFormat") == null) {
                    SourceSpan key = function.properties().entry("LoggingConfig").keySpan();
                    findings.add(finding(context, function, key, "sets no"
                            + " LoggingConfig.LogFormat" + branch.qualifier()));
                } else if (map != null) {
                    checkFormat(context, function, map.get("LogFormat"), branch, findings);
                }
            }
        }
        return findings;
    }

    private static void checkFormat(RuleContext context, Resource function, Node format,
            Alternative branch, List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(format)) {
            String qualifier = branch.qualifier().isEmpty() ? alternative.qualifier()
                    : branch.qualifier();
            if (alternative.value() instanceof Value.NoValue) {
                findings.add(finding(context, function, alternative.node().span(),
                        "sets no LoggingConfig.LogFormat" + qualifier));
            } else if ("Text".equals(alternative.value().exactText())) {
                findings.add(finding(context, function, Settings.spanOf(format, alternative),
                        "sets LoggingConfig.LogFormat to 'Text'" + qualifier));
            }
        }
    }

    /** Returns whether the function configures Powertools, which writes JSON itself. */
    private static boolean usesPowertools(RuleContext context, Resource function) {
        return EnvironmentVariables.of(context.evaluator(), function).stream()
                .anyMatch(branch -> branch.variables().keys().stream()
                        .anyMatch(name -> name.startsWith("POWERTOOLS_")));
    }

    private static Finding finding(RuleContext context, Resource function, SourceSpan span,
            String what) {
        return context.finding(span, function.logicalId(),
                "Function '" + function.logicalId() + "' " + what + EFFECT
                        + context.fix(function.logicalId(), "set LoggingConfig.LogFormat to"
                                + " 'JSON'", "set logFormat to 'JSON' under logs of function '"
                                + function.generatedFrom() + "' or under provider.logs.lambda")
                        + POWERTOOLS);
    }
}
