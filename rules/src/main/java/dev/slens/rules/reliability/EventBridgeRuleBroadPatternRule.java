package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
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
        id = "SL4021",
        name = "EventBridgeRuleBroadPattern",
        summary = "EventBridge rules match more than a source name prefix",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Events::Rule", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/eventbridge/latest/userguide/"
                + "eb-event-patterns-best-practices.html",
        tags = {"eventbridge", "cost"})
public final class EventBridgeRuleBroadPatternRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource rule : context.template().resourcesOfType("AWS::Events::Rule")) {
            Node pattern = rule.property("EventPattern");
            if (pattern == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(pattern)) {
                MapNode map = Settings.map(alternative.value());
                if (map != null && prefixOnly(map)) {
                    findings.add(context.finding(alternative.node().span(), rule.logicalId(),
                            "Rule '" + rule.logicalId() + "' matches events by a 'source'"
                            + " prefix only" + alternative.qualifier() + ", so every event"
                            + " type of every matching source reaches its targets, including"
                            + " events the targets write themselves; add 'detail-type' or"
                            + " 'detail' filters, or list exact sources."));
                }
            }
        }
        return findings;
    }

    /** Returns whether a pattern's only field is {@code source}, matched by prefixes only. */
    private static boolean prefixOnly(MapNode pattern) {
        if (pattern.size() != 1 || !(pattern.get("source") instanceof ListNode sources)
                || sources.size() == 0) {
            return false;
        }
        for (Node source : sources.items()) {
            MapNode matcher = source.asMap();
            if (matcher == null || matcher.size() != 1 || !matcher.has("prefix")) {
                return false;
            }
        }
        return true;
    }
}
