package dev.slens.rules.reliability;

import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.MapNode;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL5015",
        name = "StateMachineMapConcurrency",
        summary = "Map states limit how many items they process at once",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/step-functions/latest/dg/"
                + "state-map-distributed.html",
        tags = {"step-functions", "throttling"})
public final class StateMachineMapConcurrencyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (StateMachineDefinition definition : context.index().stateMachineDefinitions()) {
            for (AslState state : definition.states()) {
                if (!"Map".equals(state.type()) || state.field("MaxConcurrencyPath") != null) {
                    continue;
                }
                MapNode.Entry limit = state.field("MaxConcurrency");
                boolean unlimited = limit != null && "0".equals(limit.value().text());
                if (limit != null && !unlimited) {
                    continue;
                }
                String mode = distributed(state) ? "distributed Map" : "Map";
                String reach = distributed(state) ? "up to 10,000 child workflows"
                        : "up to 40 iterations";
                String setting = unlimited ? " sets MaxConcurrency to 0" : " has no"
                        + " MaxConcurrency";
                findings.add(StateMachineStates.finding(context, definition,
                        unlimited ? limit.value().span() : state.nameSpan(),
                        StateMachineStates.describe(definition, state) + " is a " + mode
                        + " state that" + setting + ", so it runs " + reach + " at once and"
                        + " can throttle the services its items call; set MaxConcurrency to"
                        + " what those services accept."));
            }
        }
        return findings;
    }

    /** Returns whether a Map state runs its items as child workflows. */
    private static boolean distributed(AslState state) {
        for (String key : List.of("ItemProcessor", "Iterator")) {
            MapNode.Entry processor = state.field(key);
            MapNode map = processor == null ? null : processor.value().asMap();
            MapNode config = map == null ? null : map.getMap("ProcessorConfig");
            if (config != null && "DISTRIBUTED".equals(config.getText("Mode"))) {
                return true;
            }
        }
        return false;
    }
}
