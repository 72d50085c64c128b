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
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1048",
        name = "LambdaRecursiveLoop",
        summary = "Lambda functions keep recursive loop detection on",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-recursion.html",
        tags = {"lambda", "cost"})
public final class LambdaRecursiveLoopRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node setting = function.property("RecursiveLoop");
            if (setting == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(setting)) {
                if ("Allow".equals(alternative.value().exactText())) {
                    findings.add(context.finding(alternative.node().span(),
                            function.logicalId(), "Function '" + function.logicalId()
                            + "' sets RecursiveLoop 'Allow'" + alternative.qualifier()
                            + ", so Lambda no longer stops a loop in which the function"
                            + " triggers itself through SQS, SNS or S3, and the loop runs and"
                            + " bills until someone notices; " + context.fix(
                                    function.logicalId(), "set RecursiveLoop to 'Terminate'",
                                    "set recursiveLoop to 'terminate' on function '"
                                            + function.generatedFrom() + "'")
                            + " or remove it."));
                }
            }
        }
        return findings;
    }
}
