package dev.slens.rules.performance;

import dev.slens.index.PackageMeasurement;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import dev.slens.rules.DeploymentPackages;
import dev.slens.rules.LambdaLimits;
import dev.slens.rules.DeploymentPackages.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

@RuleInfo(
        id = "SL1091",
        name = "LambdaPackageColdStartSize",
        summary = "Local Lambda packages stay within a cold-start size budget",
        severity = Severity.WARNING,
        pillar = Pillar.PERFORMANCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/best-practices.html",
        tags = {"lambda", "cold-start", "deployment", "package-size"},
        aliases = {"lightBundle"},
        parameters = @RuleParameter(name = "budgetKb", defaultValue = "10240", min = 1,
                description = "Largest zipped size, in KB (1,024 bytes), of a function's package"
                        + " before it counts as slow to start."))
public final class LambdaPackageColdStartSizeRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        long budget = context.intParameter("budgetKb") * 1024L;
        // A package past the unzipped quota is SL1090's finding, and compressing it is costly.
        long unzippedLimit = LambdaLimits.BUILT_IN.get(LambdaLimits.UNZIPPED_MAX_BYTES);
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            for (Source code : DeploymentPackages.code(context, function)) {
                PackageMeasurement measured = DeploymentPackages.measure(context, code);
                if (measured == null || measured.unzippedBytes() > unzippedLimit) {
                    continue;
                }
                OptionalLong zipped = DeploymentPackages.zippedIfOver(context, code, measured,
                        budget);
                if (zipped.isPresent()) {
                    findings.add(context.finding(code.span(), code.logicalId(), "Function '"
                            + code.logicalId() + "' deploys "
                            + DeploymentPackages.describe(code) + ", "
                            + DeploymentPackages.formatSize(zipped.getAsLong()) + " zipped ("
                            + DeploymentPackages.largest(measured) + "), more than the"
                            + " cold-start budget of " + DeploymentPackages.formatSize(budget)
                            + "; Lambda downloads and unpacks the whole package before the"
                            + " first request, so bundle and minify the code, drop unused"
                            + " dependencies, or move shared ones into a layer."));
                }
            }
        }
        return findings;
    }
}
