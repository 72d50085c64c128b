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
import java.util.Locale;

@RuleInfo(
        id = "SL5002",
        name = "StateMachineLogging",
        summary = "State machines log errors to CloudWatch Logs",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html",
        tags = {"step-functions", "observability", "logging"},
        aliases = {"AwsSolutions-SF1", "AWS-0119"})
public final class StateMachineLoggingRule implements Rule {

    private static final String ADVICE = " Set LoggingConfiguration (SAM: Logging,"
            + " serverless-step-functions: loggingConfig) with Level 'ALL' or 'ERROR' and a"
            + " log group in Destinations.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource machine : context.template().resourcesOfType(
                "AWS::StepFunctions::StateMachine")) {
            Node logging = machine.property("LoggingConfiguration");
            if (logging == null) {
                report(context, machine, machine.span(), "has no LoggingConfiguration", "",
                        findings);
                continue;
            }
            for (Alternative config : context.evaluator().alternatives(logging)) {
                MapNode map = config.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                if (config.value() instanceof Value.NoValue) {
                    report(context, machine, config.node().span(), "has no"
                            + " LoggingConfiguration", config.qualifier(), findings);
                } else if (map != null) {
                    checkConfiguration(context, machine, map, findings);
                }
            }
        }
        return findings;
    }

    private static void checkConfiguration(RuleContext context, Resource machine, MapNode map,
            List<Finding> findings) {
        Node level = map.get("Level");
        if (level == null) {
            report(context, machine, map.span(), "sets no LoggingConfiguration.Level, which"
                    + " defaults to 'OFF'", "", findings);
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(level)) {
            String text = StateMachineTracingRule.text(alternative.value());
            String upper = text == null ? null : text.toUpperCase(Locale.ROOT);
            if ("OFF".equals(upper) || "FATAL".equals(upper)) {
                report(context, machine, alternative.node().span(), "sets"
                        + " LoggingConfiguration.Level to '" + text + "'"
                        + ("FATAL".equals(upper) ? ", which logs only failed executions and"
                        + " not the state errors before them" : ""), alternative.qualifier(),
                        findings);
                return;
            }
        }
        Node destinations = map.get("Destinations");
        boolean none = destinations == null || destinations.asList() != null
                && destinations.asList().size() == 0;
        if (none) {
            report(context, machine, map.span(), "sets no LoggingConfiguration.Destinations,"
                    + " so its logs go nowhere", "", findings);
        }
    }

    /** Reports at {@code span}, as an error for an Express workflow because it keeps no history. */
    private static void report(RuleContext context, Resource machine, SourceSpan span,
            String problem, String qualifier, List<Finding> findings) {
        boolean express = "EXPRESS".equals(context.evaluator().exactText(
                machine.property("StateMachineType")));
        String message = "State machine '" + machine.logicalId() + "' " + problem + qualifier
                + (express ? ". It is an Express workflow, which keeps no execution history,"
                + " so its logs are the only record of what ran and failed."
                : ". Without logs, the failed states of its executions are recorded only in"
                + " the execution history, which is kept for 90 days.") + ADVICE;
        findings.add(context.finding(express ? Severity.ERROR : Severity.WARNING, span,
                machine.logicalId(), message));
    }
}
