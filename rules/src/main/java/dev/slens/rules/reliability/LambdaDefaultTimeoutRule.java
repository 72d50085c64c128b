package dev.slens.rules.reliability;

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
import java.util.List;

@RuleInfo(
        id = "SL1002",
        name = "LambdaDefaultTimeout",
        summary = "Lambda functions set an explicit timeout",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
        tags = {"lambda", "timeout"},
        aliases = {"ES1006", "Serverless-LambdaDefaultTimeout"})
public final class LambdaDefaultTimeoutRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node timeout = function.property("Timeout");
            if (timeout == null) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        message(context, function, "")));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(timeout)) {
                if (alternative.value() instanceof Value.NoValue) {
                    findings.add(context.finding(alternative.node().span(), function.logicalId(),
                            message(context, function, alternative.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(RuleContext context, Resource function, String qualifier) {
        return "Function '" + function.logicalId() + "' sets no Timeout" + qualifier
                + ", so Lambda stops it after the default 3 seconds; " + context.fix(
                        function.logicalId(), "set Timeout", "set timeout on function '"
                        + function.generatedFrom() + "' or provider.timeout")
                + " to the longest run the function needs.";
    }
}
