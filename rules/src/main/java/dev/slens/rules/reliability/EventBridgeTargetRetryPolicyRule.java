package dev.slens.rules.reliability;

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
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL4020",
        name = "EventBridgeTargetRetryPolicy",
        summary = "EventBridge targets without a dead-letter queue keep retrying",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Events::Rule", "AWS::Scheduler::Schedule",
            "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/eventbridge/latest/userguide/"
                + "eb-rule-retry-policy.html",
        tags = {"eventbridge", "scheduler", "retry"},
        parameters = @RuleParameter(name = "minimumEventAgeSeconds", defaultValue = "3600",
                min = 60, max = 86_400,
                description = "Smallest MaximumEventAgeInSeconds accepted without a dead-letter"
                        + " queue, in seconds: older events are dropped while a target fails."))
public final class EventBridgeTargetRetryPolicyRule implements Rule {

    private static final List<String> DEAD_LETTER_ARN = List.of("Arn");

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource rule : context.template().resourcesOfType("AWS::Events::Rule")) {
            Node targets = rule.property("Targets");
            if (targets != null) {
                for (Alternative target : evaluator.elements(targets)) {
                    check(context, rule, target, findings);
                }
            }
        }
        for (Resource schedule : context.template().resourcesOfType("AWS::Scheduler::Schedule")) {
            Node target = schedule.property("Target");
            if (target != null) {
                for (Alternative alternative : evaluator.alternatives(target)) {
                    check(context, schedule, alternative, findings);
                }
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource owner, Alternative target,
            List<Finding> findings) {
        MapNode map = Settings.map(target.value());
        Node policy = map == null ? null : map.get("RetryPolicy");
        if (policy == null || !withoutQueue(context.evaluator(), owner, map, target)) {
            return;
        }
        for (Alternative branch : context.evaluator().alternatives(policy)) {
            MapNode settings = Settings.map(branch.value());
            if (settings == null) {
                continue;
            }
            retries(context, owner, map, settings.get("MaximumRetryAttempts"), findings);
            age(context, owner, map, settings.get("MaximumEventAgeInSeconds"), findings);
        }
    }

    /**
     * Returns whether some branch of the target has no dead-letter queue. A SAM event's
     * {@code DeadLetterConfig} with {@code Type} and no {@code Arn} makes SAM create the queue.
     */
    private static boolean withoutQueue(Evaluator evaluator, Resource owner, MapNode target,
            Alternative branch) {
        List<List<String>> gaps = AbsentSetting.branches(evaluator,
                target.get("DeadLetterConfig"), DEAD_LETTER_ARN, branch.conditions(),
                config -> !owner.isWritten() && config.has("Type") && !config.has("Arn"));
        return !gaps.isEmpty();
    }

    private static void retries(RuleContext context, Resource owner, MapNode target, Node value,
            List<Finding> findings) {
        if (value == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(value)) {
            Long attempts = Settings.number(alternative.value());
            if (attempts != null && attempts == 0) {
                findings.add(context.finding(alternative.node().span(), owner.logicalId(),
                        subject(context, owner, target) + " sets RetryPolicy.MaximumRetryAttempts"
                        + " '0'" + alternative.qualifier() + " and has no dead-letter queue, so"
                        + " an event is dropped after the first failed delivery, even a"
                        + " throttled one; allow retries (the default is 185) or set"
                        + " DeadLetterConfig.Arn."));
            }
        }
    }

    private static void age(RuleContext context, Resource owner, MapNode target, Node value,
            List<Finding> findings) {
        if (value == null) {
            return;
        }
        long minimum = context.intParameter("minimumEventAgeSeconds");
        for (Alternative alternative : context.evaluator().alternatives(value)) {
            Long seconds = Settings.number(alternative.value());
            if (seconds != null && seconds < minimum) {
                findings.add(context.finding(alternative.node().span(), owner.logicalId(),
                        subject(context, owner, target) + " sets"
                        + " RetryPolicy.MaximumEventAgeInSeconds '" + seconds + "'"
                        + alternative.qualifier() + " and has no dead-letter queue, so events"
                        + " are dropped when the target fails for longer than that; raise it"
                        + " to at least " + minimum + " seconds (the default is 86400) or set"
                        + " DeadLetterConfig.Arn."));
            }
        }
    }

    private static String subject(RuleContext context, Resource owner, MapNode target) {
        if (owner.type().equals("AWS::Scheduler::Schedule")) {
            return "The target of schedule '" + owner.logicalId() + "'";
        }
        String text = context.evaluator().exactText(target.get("Id"));
        return "Target " + (text == null ? "" : "'" + text + "' ") + "of rule '"
                + owner.logicalId() + "'";
    }
}
