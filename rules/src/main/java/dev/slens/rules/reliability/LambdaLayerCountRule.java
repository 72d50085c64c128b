package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
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
        id = "SL1065",
        name = "LambdaLayerCount",
        summary = "Lambda functions use at most five layers",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html",
        tags = {"lambda", "layers", "limits", "deployment"})
public final class LambdaLayerCountRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        long limit = LambdaLimits.BUILT_IN.get(LambdaLimits.LAYERS_MAX);
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node layers = function.property("Layers");
            if (layers == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(layers)) {
                int count = alwaysPresent(context, alternative.value());
                if (count > limit) {
                    // A list written in place is reported at its key, a branch where it is.
                    SourceSpan span = alternative.conditions().isEmpty()
                            ? function.properties().entry("Layers").keySpan()
                            : alternative.node().span();
                    findings.add(context.finding(span,
                            function.logicalId(), "Function '" + function.logicalId()
                                    + "' lists " + count + " layers in Layers"
                                    + alternative.qualifier() + ", more than the " + limit
                                    + " Lambda accepts, so the deployment fails; merge layers"
                                    + " or bundle their code into the function package."));
                }
            }
        }
        return findings;
    }

    /** Returns the number of list items that no {@code Fn::If} branch removes. */
    private static int alwaysPresent(RuleContext context, Value value) {
        if (!(value instanceof Value.Structure structure)
                || !(structure.node() instanceof ListNode list)) {
            return 0;
        }
        int count = 0;
        for (Node item : list.items()) {
            boolean removable = context.evaluator().alternatives(item).stream()
                    .anyMatch(a -> a.value() instanceof Value.NoValue);
            count += removable ? 0 : 1;
        }
        return count;
    }
}
