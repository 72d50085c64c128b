package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1063",
        name = "LambdaEnvironmentSize",
        summary = "Lambda environment variables fit in Lambda's 4 KB limit",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html",
        tags = {"lambda", "environment", "limits", "deployment"},
        aliases = {"E3697"})
public final class LambdaEnvironmentSizeRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        long limit = LambdaLimits.BUILT_IN.get(LambdaLimits.ENVIRONMENT_MAX_BYTES);
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            for (EnvironmentVariables.Branch branch
                    : EnvironmentVariables.of(context.evaluator(), function)) {
                long size = minimumSize(context, branch.variables());
                if (size > limit) {
                    findings.add(context.finding(branch.span(),
                            function.logicalId(), "Function '" + function.logicalId()
                                    + "' sets Environment.Variables" + branch.qualifier()
                                    + " with at least " + size + " bytes of names and values,"
                                    + " more than the " + limit + " bytes Lambda accepts, so"
                                    + " the deployment fails; move large values to SSM"
                                    + " Parameter Store, Secrets Manager or AppConfig."));
                }
            }
        }
        return findings;
    }

    /**
     * Returns the smallest size the variables can have: names and known values in UTF-8 bytes,
     * the known parts of partly known values, and the smallest branch of each {@code Fn::If}, where
     * a variable that {@code AWS::NoValue} removes counts as zero.
     */
    private static long minimumSize(RuleContext context, MapNode variables) {
        long total = 0;
        for (MapNode.Entry entry : variables.entries()) {
            long smallest = Long.MAX_VALUE;
            for (Alternative alternative : context.evaluator().alternatives(entry.value())) {
                boolean absent = alternative.value() instanceof Value.NoValue;
                long size = absent ? 0 : utf8(entry.key()) + bytes(alternative.value());
                smallest = Math.min(smallest, size);
            }
            total += smallest == Long.MAX_VALUE ? 0 : smallest;
        }
        return total;
    }

    private static long bytes(Value value) {
        if (value instanceof Value.Text text) {
            // Placeholders such as {{ref:Orders}} stand for text only known at deployment.
            return utf8(text.exact() ? text.text()
                    : text.text().replaceAll("\\{\\{[^}]*}}", ""));
        }
        if (value instanceof Value.Literal literal) {
            return utf8(literal.text());
        }
        return 0;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
