package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1068",
        name = "LambdaLogLevelFormat",
        summary = "Lambda log levels are set only together with the JSON log format",
        severity = Severity.ERROR,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs-"
                + "log-level.html",
        tags = {"lambda", "logs", "deployment"},
        aliases = {"E3696"})
public final class LambdaLogLevelFormatRule implements Rule {

    private static final List<String> LEVELS = List.of("ApplicationLogLevel", "SystemLogLevel");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node config = function.property("LoggingConfig");
            if (config == null) {
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(config)) {
                MapNode map = Settings.map(branch.value());
                String format = map == null ? null : plainFormat(context, map.get("LogFormat"));
                if (format == null) {
                    continue;
                }
                for (String level : LEVELS) {
                    MapNode.Entry entry = map.entry(level);
                    if (entry != null && isSet(context, entry.value())) {
                        findings.add(context.finding(entry.keySpan(), function.logicalId(),
                                "Function '" + function.logicalId() + "' sets LoggingConfig."
                                        + level + branch.qualifier() + " with " + format
                                        + consequence(context, function) + "; "
                                        + advice(context, function, level)));
                    }
                }
            }
        }
        return findings;
    }

    private static String advice(RuleContext context, Resource function, String level) {
        String key = Character.toLowerCase(level.charAt(0)) + level.substring(1);
        return context.fix(function.logicalId(), "set LoggingConfig.LogFormat to 'JSON' or"
                + " remove " + level + ".", "set logFormat to 'JSON' next to " + key
                + " (under logs of function '" + function.generatedFrom() + "' or under"
                + " provider.logs.lambda), or remove " + key + ".");
    }

    /**
     * Returns how the format leaves JSON out ("no LogFormat" or "LogFormat 'Text'"), or
     * {@code null} when every value it may take is JSON or unknown.
     */
    /**
     * Returns what happens to the level: Lambda rejects it, but the Serverless Framework leaves
     * it out of the function it generates unless logFormat is JSON (compileFunction in the v4
     * source), so the deployment succeeds without it.
     */
    private static String consequence(RuleContext context, Resource function) {
        if (context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK
                && !function.isWritten()) {
            return ", which the Serverless Framework leaves out of the deployed function because"
                    + " log levels need the JSON format, so the level has no effect";
        }
        return ", which Lambda rejects because log levels need the JSON format";
    }

    private static String plainFormat(RuleContext context, Node format) {
        if (format == null) {
            return "no LogFormat";
        }
        for (Alternative alternative : context.evaluator().alternatives(format)) {
            if (alternative.value() instanceof Value.NoValue) {
                return "no LogFormat" + alternative.qualifier();
            }
            if ("Text".equals(alternative.value().exactText())) {
                return "LogFormat 'Text'" + alternative.qualifier();
            }
        }
        return null;
    }

    private static boolean isSet(RuleContext context, Node level) {
        return context.evaluator().alternatives(level).stream()
                .anyMatch(a -> !(a.value() instanceof Value.NoValue));
    }
}
