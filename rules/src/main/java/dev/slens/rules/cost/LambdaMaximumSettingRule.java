package dev.slens.rules.cost;

import dev.slens.index.Alternative;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.LambdaLimits;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1061",
        name = "LambdaMaximumSetting",
        summary = "Lambda functions size memory, timeout and storage to what they use",
        severity = Severity.INFO,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/operatorguide/computing-power.html",
        tags = {"lambda", "cost", "sizing"})
public final class LambdaMaximumSettingRule implements Rule {

    private static final LambdaLimits LIMITS = LambdaLimits.BUILT_IN;

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node memory = function.property("MemorySize");
            each(context, memory, (alternative, value) -> {
                if (value == LIMITS.get(LambdaLimits.MEMORY_MAX)) {
                    findings.add(finding(context, function, memory, alternative, "MemorySize",
                            value + " MB, the largest size Lambda offers, and pays for it on"
                                    + " every invocation; measure the memory the function needs,"
                                    + " for example with AWS Lambda Power Tuning, and lower it."));
                }
            });
            Node timeout = function.property("Timeout");
            each(context, timeout, (alternative, value) -> {
                if (value == LIMITS.get(LambdaLimits.TIMEOUT_MAX)) {
                    findings.add(finding(context, function, timeout, alternative, "Timeout",
                            value + " seconds, the longest Lambda allows, so a stuck call is"
                                    + " billed for 15 minutes; set it a little above the"
                                    + " longest run you measured, or move long work to Step"
                                    + " Functions."));
                }
            });
            storage(context, function, findings);
        }
        return findings;
    }

    private static void storage(RuleContext context, Resource function, List<Finding> findings) {
        Node storage = function.property("EphemeralStorage");
        if (storage == null) {
            return;
        }
        for (Alternative config : context.evaluator().alternatives(storage)) {
            MapNode map = Settings.map(config.value());
            Node size = map == null ? null : map.get("Size");
            each(context, size, (alternative, value) -> {
                if (value > LIMITS.get(LambdaLimits.STORAGE_MIN)
                        && value <= LIMITS.get(LambdaLimits.STORAGE_MAX)) {
                    findings.add(finding(context, function, size, alternative,
                            "EphemeralStorage.Size", value + " MB, above the "
                                    + LIMITS.get(LambdaLimits.STORAGE_MIN) + " MB included in"
                                    + " the price; keep it only if the function writes that"
                                    + " much to /tmp, else remove it."));
                }
            });
        }
    }

    private interface NumberCheck {
        void accept(Alternative alternative, long value);
    }

    private static void each(RuleContext context, Node setting, NumberCheck check) {
        if (setting == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(setting)) {
            Long value = Settings.number(alternative.value());
            if (value != null) {
                check.accept(alternative, value);
            }
        }
    }

    private static Finding finding(RuleContext context, Resource function, Node setting,
            Alternative alternative, String path, String rest) {
        return context.finding(Settings.spanOf(setting, alternative), function.logicalId(),
                "Function '" + function.logicalId() + "' sets " + path + alternative.qualifier()
                        + " to " + rest);
    }
}
