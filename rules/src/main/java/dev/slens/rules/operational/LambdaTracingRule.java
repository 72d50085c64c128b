package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
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
        id = "SL1004",
        name = "LambdaTracing",
        summary = "Lambda functions have active X-Ray tracing",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
        tags = {"lambda", "observability", "tracing"},
        aliases = {"WS1000", "Serverless-LambdaTracing"})
public final class LambdaTracingRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node tracing = function.property("TracingConfig");
            if (tracing == null) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        missing(context, function, "")));
                continue;
            }
            for (Alternative config : context.evaluator().alternatives(tracing)) {
                MapNode map = config.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                if (config.value() instanceof Value.NoValue
                        || map != null && map.get("Mode") == null) {
                    findings.add(context.finding(config.node().span(), function.logicalId(),
                            missing(context, function, config.qualifier())));
                } else if (map != null) {
                    checkMode(context, function, map.get("Mode"), findings);
                }
            }
        }
        return findings;
    }

    private static void checkMode(RuleContext context, Resource function, Node mode,
            List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(mode)) {
            String text = alternative.value().exactText();
            String subject = "Function '" + function.logicalId() + "' sets TracingConfig.Mode";
            String message = null;
            if (alternative.value() instanceof Value.NoValue) {
                message = missing(context, function, alternative.qualifier());
            } else if ("PassThrough".equals(text)) {
                message = subject + " to 'PassThrough'" + alternative.qualifier()
                        + ", so X-Ray traces it only when the caller sends a sampled trace"
                        + " header" + advice(context, function);
            } else if (text != null && !text.equals("Active")) {
                message = subject + " to '" + text + "'" + alternative.qualifier()
                        + ", which is not a tracing mode Lambda accepts"
                        + advice(context, function);
            }
            if (message != null) {
                findings.add(context.finding(alternative.node().span(), function.logicalId(),
                        message));
            }
        }
    }

    private static String missing(RuleContext context, Resource function, String qualifier) {
        return "Function '" + function.logicalId() + "' sets no TracingConfig.Mode" + qualifier
                + ", so it defaults to 'PassThrough' and X-Ray traces it only when the caller"
                + " sends a sampled trace header" + advice(context, function);
    }

    private static String advice(RuleContext context, Resource function) {
        return "; " + context.fix(function.logicalId(),
                "set TracingConfig.Mode (SAM: Tracing) to 'Active'.",
                "set provider.tracing.lambda to true, or tracing to 'Active' on function '"
                + function.generatedFrom() + "'.");
    }
}
