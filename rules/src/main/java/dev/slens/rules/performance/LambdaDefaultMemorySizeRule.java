package dev.slens.rules.performance;

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
import dev.slens.rules.LambdaLimits;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1062",
        name = "LambdaDefaultMemorySize",
        summary = "Lambda functions set an explicit memory size",
        severity = Severity.WARNING,
        pillar = Pillar.PERFORMANCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
        tags = {"lambda", "memory", "sizing"},
        aliases = {"ES1005", "Serverless-LambdaDefaultMemorySize"})
public final class LambdaDefaultMemorySizeRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node memory = function.property("MemorySize");
            if (memory == null) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        message(context, function, "")));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(memory)) {
                if (alternative.value() instanceof Value.NoValue) {
                    findings.add(context.finding(alternative.node().span(), function.logicalId(),
                            message(context, function, alternative.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(RuleContext context, Resource function, String qualifier) {
        return "Function '" + function.logicalId() + "' sets no MemorySize" + qualifier
                + ", so it gets the default " + LambdaLimits.BUILT_IN.get(
                        LambdaLimits.MEMORY_DEFAULT)
                + " MB and the CPU share that comes with it; " + context.fix(function.logicalId(),
                        "set MemorySize (SAM: also in Globals.Function)",
                        "set memorySize on function '" + function.generatedFrom()
                        + "' or provider.memorySize")
                + " to the size you measured.";
    }
}
