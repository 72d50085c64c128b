package dev.slens.rules.operational;

import dev.slens.index.Alternative;
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
        id = "SL5001",
        name = "StateMachineTracing",
        summary = "State machines have X-Ray tracing enabled",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "concepts-xray-tracing.html",
        tags = {"step-functions", "observability", "tracing"},
        aliases = {"WS5000", "AwsSolutions-SF2", "AWS-0117"})
public final class StateMachineTracingRule implements Rule {

    private static final String ADVICE = "; set TracingConfiguration.Enabled (SAM:"
            + " Tracing.Enabled, serverless-step-functions: tracingConfig.enabled) to true.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource machine : context.template().resourcesOfType(
                "AWS::StepFunctions::StateMachine")) {
            Node tracing = machine.property("TracingConfiguration");
            if (tracing == null) {
                findings.add(context.finding(machine.span(), machine.logicalId(),
                        off(machine, "has no TracingConfiguration", "")));
                continue;
            }
            for (Alternative config : context.evaluator().alternatives(tracing)) {
                MapNode map = config.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                if (config.value() instanceof Value.NoValue
                        || map != null && map.get("Enabled") == null) {
                    findings.add(context.finding(config.node().span(), machine.logicalId(),
                            off(machine, "sets no TracingConfiguration.Enabled",
                                    config.qualifier())));
                } else if (map != null) {
                    checkEnabled(context, machine, map.get("Enabled"), findings);
                }
            }
        }
        return findings;
    }

    private static void checkEnabled(RuleContext context, Resource machine, Node enabled,
            List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(enabled)) {
            String text = text(alternative.value());
            if (alternative.value() instanceof Value.NoValue || "false".equalsIgnoreCase(text)) {
                findings.add(context.finding(alternative.node().span(), machine.logicalId(),
                        off(machine, "turns tracing off", alternative.qualifier())));
            }
        }
    }

    static String text(Value value) {
        return value instanceof Value.Literal literal ? literal.text() : value.exactText();
    }

    private static String off(Resource machine, String problem, String qualifier) {
        return "State machine '" + machine.logicalId() + "' " + problem + qualifier
                + ", so X-Ray does not trace its executions and the service map has no"
                + " state machine" + ADVICE;
    }
}
