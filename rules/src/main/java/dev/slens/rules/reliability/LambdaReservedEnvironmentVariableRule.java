package dev.slens.rules.reliability;

import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.EnvironmentVariables;
import dev.slens.rules.LambdaLimits;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL1064",
        name = "LambdaReservedEnvironmentVariable",
        summary = "Lambda functions do not set environment variables Lambda reserves",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html"
                + "#configuration-envvars-runtime",
        tags = {"lambda", "environment", "deployment"},
        aliases = {"E3663"})
public final class LambdaReservedEnvironmentVariableRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            // One finding per written key, even when several Fn::If branches share the map.
            Set<MapNode.Entry> reported = new HashSet<>();
            for (EnvironmentVariables.Branch branch
                    : EnvironmentVariables.of(context.evaluator(), function)) {
                for (MapNode.Entry entry : branch.variables().entries()) {
                    if (LambdaLimits.BUILT_IN.isReservedEnvironmentName(entry.key())
                            && reported.add(entry)) {
                        findings.add(context.finding(entry.keySpan(), function.logicalId(),
                                "Function '" + function.logicalId() + "' sets environment"
                                        + " variable '" + entry.key() + "'" + branch.qualifier()
                                        + ", which Lambda sets itself and rejects, so the"
                                        + " deployment fails; rename the variable."));
                    }
                }
            }
        }
        return findings;
    }
}
