package dev.slens.rules.operational;

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
        id = "SL8051",
        name = "CloudWatchAlarmAction",
        summary = "CloudWatch alarms have enabled actions",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/"
                + "AlarmThatSendsEmail.html#alarms-and-actions",
        tags = {"cloudwatch", "alarms", "observability"},
        aliases = {"CloudWatchAlarmAction"})
public final class CloudWatchAlarmActionRule implements Rule {

    private static final List<String> ACTIONS =
            List.of("AlarmActions", "OKActions", "InsufficientDataActions");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        Set<String> watched = watchedAlarms(context);
        for (String type : List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")) {
            for (Resource alarm : context.template().resourcesOfType(type)) {
                if (!watched.contains(alarm.logicalId())) {
                    checkEnabled(context, alarm, findings);
                    checkActions(context, alarm, findings);
                }
            }
        }
        return findings;
    }

    /**
     * Returns the alarms whose state something else reads, so they need no action of their own:
     * alarms named in a composite alarm's rule and alarms that a CodeDeploy deployment group
     * (such as one SAM generates for DeploymentPreference) rolls back on.
     */
    private static Set<String> watchedAlarms(RuleContext context) {
        Set<String> watched = new HashSet<>();
        List<Resource> alarms = new ArrayList<>(
                context.template().resourcesOfType("AWS::CloudWatch::Alarm"));
        alarms.addAll(context.template().resourcesOfType("AWS::CloudWatch::CompositeAlarm"));
        for (Resource composite
                : context.template().resourcesOfType("AWS::CloudWatch::CompositeAlarm")) {
            Node rule = composite.property("AlarmRule");
            if (rule == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(rule)) {
                if (alternative.value() instanceof Value.Text text) {
                    for (Resource alarm : alarms) {
                        if (names(context, text.text(), alarm)) {
                            watched.add(alarm.logicalId());
                        }
                    }
                }
            }
        }
        for (Resource group
                : context.template().resourcesOfType("AWS::CodeDeploy::DeploymentGroup")) {
            Node configuration = group.property("AlarmConfiguration");
            Node list = configuration == null || configuration.asMap() == null ? null
                    : configuration.asMap().get("Alarms");
            if (list == null) {
                continue;
            }
            for (Alternative item : context.evaluator().elements(list)) {
                Node name = item.node().asMap() != null && item.node().asMap().has("Name")
                        ? item.node().asMap().get("Name") : item.node();
                String target = context.evaluator().referencedResource(name);
                if (target != null) {
                    watched.add(target);
                }
            }
        }
        return watched;
    }

    private static boolean names(RuleContext context, String rule, Resource alarm) {
        String id = alarm.logicalId();
        String name = context.evaluator().exactText(alarm.property("AlarmName"));
        return rule.contains("{{ref:" + id + "}}") || rule.contains("{{getatt:" + id + ".")
                || name != null && rule.contains("\"" + name + "\"");
    }

    private static void checkEnabled(RuleContext context, Resource alarm,
            List<Finding> findings) {
        Node enabled = alarm.property("ActionsEnabled");
        if (enabled == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(enabled)) {
            if (isFalse(alternative.value())) {
                findings.add(context.finding(alternative.node().span(), alarm.logicalId(),
                        "Alarm '" + alarm.logicalId() + "' sets ActionsEnabled to 'false'"
                                + alternative.qualifier() + ", so it changes state without"
                                + " notifying anyone; remove ActionsEnabled or set it to"
                                + " 'true'."));
            }
        }
    }

    /**
     * Reports an alarm whose action lists are all empty or missing. When some list is set only
     * in some {@code Fn::If} branches, the branches that leave it empty are reported.
     */
    private static void checkActions(RuleContext context, Resource alarm,
            List<Finding> findings) {
        List<Alternative> emptyBranches = new ArrayList<>();
        boolean anySet = false;
        for (String name : ACTIONS) {
            Node actions = alarm.property(name);
            if (actions == null) {
                continue;
            }
            List<Alternative> empty = new ArrayList<>();
            for (Alternative alternative : context.evaluator().alternatives(actions)) {
                if (isEmpty(context, alternative.value())) {
                    empty.add(alternative);
                } else {
                    anySet = true;
                }
            }
            if (empty.isEmpty()) {
                return;
            }
            emptyBranches.addAll(empty);
        }
        if (!anySet) {
            findings.add(context.finding(alarm.span(), alarm.logicalId(), "Alarm '"
                    + alarm.logicalId() + "' has no AlarmActions, OKActions or"
                    + " InsufficientDataActions, so nobody learns when it fires; add an SNS"
                    + " topic or another action to AlarmActions."));
            return;
        }
        for (Alternative branch : emptyBranches) {
            if (!branch.conditions().isEmpty()) {
                findings.add(context.finding(branch.node().span(), alarm.logicalId(),
                        "Alarm '" + alarm.logicalId() + "' has no actions" + branch.qualifier()
                                + ", so nobody learns when it fires in that case; add an"
                                + " action to AlarmActions in every branch."));
                return;
            }
        }
    }

    private static boolean isFalse(Value value) {
        String text = value instanceof Value.Literal literal ? literal.text()
                : value.exactText();
        return "false".equalsIgnoreCase(text);
    }

    private static boolean isEmpty(RuleContext context, Value value) {
        if (value instanceof Value.NoValue) {
            return true;
        }
        return value instanceof Value.Structure structure
                && context.evaluator().elements(structure.node()).isEmpty();
    }
}
