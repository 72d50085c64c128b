package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1045",
        name = "LambdaZeroConcurrency",
        summary = "Lambda functions are not switched off with zero reserved concurrency",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "configuration-concurrency.html",
        tags = {"lambda", "concurrency"})
public final class LambdaZeroConcurrencyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node reserved = function.property("ReservedConcurrentExecutions");
            if (reserved == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(reserved)) {
                BigDecimal value = Seconds.of(alternative);
                if (value != null && value.signum() == 0) {
                    findings.add(context.finding(alternative.node().span(),
                            function.logicalId(), "Function '" + function.logicalId()
                            + "' has ReservedConcurrentExecutions '0'" + alternative.qualifier()
                            + ", which throttles every invocation, so the function never"
                            + " runs; remove the setting or set it to the number of copies"
                            + " the function may run at once."));
                }
            }
        }
        return findings;
    }
}
