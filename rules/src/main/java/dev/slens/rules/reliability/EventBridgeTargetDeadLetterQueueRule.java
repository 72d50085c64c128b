package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
import java.util.function.Predicate;

@RuleInfo(
        id = "SL4001",
        name = "EventBridgeTargetDeadLetterQueue",
        summary = "EventBridge rule and Scheduler targets have a dead-letter queue",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Events::Rule", "AWS::Scheduler::Schedule",
            "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/eventbridge/latest/userguide/"
                + "eb-rule-dlq.html",
        tags = {"eventbridge", "scheduler", "dead-letter-queue"},
        aliases = {"ES4000", "Serverless-EventBusDLQ"})
public final class EventBridgeTargetDeadLetterQueueRule implements Rule {

    private static final List<String> DEAD_LETTER_ARN = List.of("DeadLetterConfig", "Arn");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource rule : context.template().resourcesOfType("AWS::Events::Rule")) {
            Node targets = rule.property("Targets");
            if (targets == null) {
                continue;
            }
            for (Alternative target : evaluator.elements(targets)) {
                check(context, rule, target, span(rule, target.node()), findings);
            }
        }
        for (Resource schedule : context.template().resourcesOfType("AWS::Scheduler::Schedule")) {
            MapNode.Entry target = schedule.properties().entry("Target");
            if (target == null) {
                continue;
            }
            for (Alternative alternative : evaluator.alternatives(target.value())) {
                check(context, schedule, alternative, span(schedule, target.value()), findings);
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource owner, Alternative target,
            SourceSpan span, List<Finding> findings) {
        if (!(target.value() instanceof Value.Structure structure)
                || structure.node().asMap() == null) {
            return;
        }
        MapNode map = structure.node().asMap();
        List<List<String>> gaps = AbsentSetting.branches(context.evaluator(),
                map.get(DEAD_LETTER_ARN.get(0)), DEAD_LETTER_ARN.subList(1, 2),
                target.conditions(), samCreatesQueue(owner));
        if (!gaps.isEmpty()) {
            findings.add(context.finding(span, owner.logicalId(), message(context, owner, map,
                    AbsentSetting.qualifier(gaps))));
        }
    }

    /**
     * Returns a test for a SAM event's {@code DeadLetterConfig} that gives a {@code Type}
     * (SAM accepts only SQS) without an {@code Arn}, for which SAM creates the queue. Written
     * resources have no {@code Type} key there.
     */
    private static Predicate<MapNode> samCreatesQueue(Resource owner) {
        return config -> !owner.isWritten() && config.has("Type") && !config.has("Arn");
    }

    /** Returns the span of the target as written, or of the SAM event that generated it. */
    private static SourceSpan span(Resource owner, Node target) {
        return owner.isWritten() && target != null && target.span().isKnown()
                ? target.span() : owner.span();
    }

    private static String message(RuleContext context, Resource owner, MapNode target,
            String qualifier) {
        String id = context.evaluator().exactText(target.get("Id"));
        String subject = owner.type().equals("AWS::Scheduler::Schedule")
                ? "The target of schedule '" + owner.logicalId() + "'"
                : "Target " + (id == null ? "" : "'" + id + "' ") + "of rule '"
                        + owner.logicalId() + "'";
        return subject + " has no dead-letter queue" + qualifier
                + ", so events that cannot be delivered after the retries are dropped; set"
                + " DeadLetterConfig.Arn to an SQS queue (SAM: DeadLetterConfig with Arn or"
                + " Type: SQS).";
    }
}
