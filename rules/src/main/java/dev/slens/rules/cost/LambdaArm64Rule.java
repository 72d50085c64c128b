package dev.slens.rules.cost;

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
        id = "SL1076",
        name = "LambdaArm64",
        summary = "Lambda functions run on arm64 (Graviton) unless they need x86_64",
        severity = Severity.INFO,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/foundation-arch.html",
        tags = {"lambda", "cost", "architecture"},
        enabledByDefault = false)
public final class LambdaArm64Rule implements Rule {

    private static final String ADVICE = ", whose duration price per GB-second is higher than"
            + " arm64's; set Architectures to ['arm64'] (Serverless Framework: architecture)"
            + " after testing its native dependencies on arm64.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            // An image is built for one architecture, which the template cannot change alone.
            String packageType = context.evaluator().exactText(function.property("PackageType"));
            if ("Image".equals(packageType)) {
                continue;
            }
            Node architectures = function.property("Architectures");
            if (architectures == null) {
                findings.add(context.finding(function.span(), function.logicalId(), "Function '"
                        + function.logicalId() + "' sets no Architectures and runs on x86_64"
                        + ADVICE));
                continue;
            }
            for (Alternative item : context.evaluator().elements(architectures)) {
                if ("x86_64".equals(item.value().exactText())) {
                    findings.add(context.finding(item.node().span(), function.logicalId(),
                            "Function '" + function.logicalId() + "' runs on x86_64"
                                    + item.qualifier() + ADVICE));
                }
            }
        }
        return findings;
    }
}
