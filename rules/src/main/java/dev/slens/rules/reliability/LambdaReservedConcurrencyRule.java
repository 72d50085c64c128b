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
        id = "SL1050",
        name = "LambdaReservedConcurrency",
        summary = "Lambda functions reserve the concurrency they may use",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "configuration-concurrency.html",
        tags = {"lambda", "concurrency"},
        aliases = {"W92", "CKV_AWS_115", "Serverless-LambdaConcurrency"},
        enabledByDefault = false)
public final class LambdaReservedConcurrencyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node reserved = function.property("ReservedConcurrentExecutions");
            if (reserved == null) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        message(function, "")));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(reserved)) {
                if (alternative.value() instanceof Value.NoValue) {
                    findings.add(context.finding(alternative.node().span(),
                            function.logicalId(), message(function, alternative.qualifier())));
                }
            }
        }
        return findings;
    }

    private static String message(Resource function, String qualifier) {
        return "Function '" + function.logicalId() + "' sets no ReservedConcurrentExecutions"
                + qualifier + ", so a burst of events can take the account's whole concurrency"
                + " from other functions and reach the services it calls without limit; set"
                + " ReservedConcurrentExecutions to the most copies that may run at once.";
    }
}
