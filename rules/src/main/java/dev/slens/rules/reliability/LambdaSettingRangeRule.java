package dev.slens.rules.reliability;

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
        id = "SL1060",
        name = "LambdaSettingRange",
        summary = "Lambda memory, timeout and ephemeral storage stay within Lambda limits",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
        tags = {"lambda", "limits", "deployment"})
public final class LambdaSettingRangeRule implements Rule {

    private static final LambdaLimits LIMITS = LambdaLimits.BUILT_IN;

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            check(context, function, function.property("MemorySize"), "MemorySize",
                    LambdaLimits.MEMORY_MIN, LambdaLimits.MEMORY_MAX, findings);
            check(context, function, function.property("Timeout"), "Timeout",
                    LambdaLimits.TIMEOUT_MIN, LambdaLimits.TIMEOUT_MAX, findings);
            Node storage = function.property("EphemeralStorage");
            if (storage != null) {
                for (Alternative alternative : context.evaluator().alternatives(storage)) {
                    MapNode map = Settings.map(alternative.value());
                    if (map != null) {
                        check(context, function, map.get("Size"), "EphemeralStorage.Size",
                                LambdaLimits.STORAGE_MIN, LambdaLimits.STORAGE_MAX, findings);
                    }
                }
            }
        }
        return findings;
    }

    private static String unit(String path) {
        return path.equals("Timeout") ? " seconds" : " MB";
    }

    private static void check(RuleContext context, Resource function, Node setting,
            String path, String minimum, String maximum, List<Finding> findings) {
        if (setting == null) {
            return;
        }
        long low = LIMITS.get(minimum);
        long high = LIMITS.get(maximum);
        for (Alternative alternative : context.evaluator().alternatives(setting)) {
            Long value = Settings.number(alternative.value());
            if (value != null && (value < low || value > high)) {
                findings.add(context.finding(Settings.spanOf(setting, alternative),
                        function.logicalId(), "Function '" + function.logicalId() + "' sets "
                                + path + " to '" + value + "'" + alternative.qualifier()
                                + ", outside the range Lambda accepts, so the deployment fails;"
                                + " set it between " + low + " and " + high + unit(path) + "."));
            }
        }
    }
}
