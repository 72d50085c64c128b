package dev.slens.rules.reliability;

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
import dev.slens.rules.DeploymentPackages.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

@RuleInfo(
        id = "SL1090",
        name = "LambdaPackageSizeLimit",
        summary = "Local Lambda packages fit the deployment package size quotas",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
            "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
        tags = {"lambda", "limits", "deployment", "package-size"},
        parameters = {
            @RuleParameter(name = "unzippedLimitKb", defaultValue = "256000", min = 1,
                    description = "Largest unzipped size, in KB (1,024 bytes), of a function's"
                            + " package and its layers together."),
            @RuleParameter(name = "zippedLimitKb", defaultValue = "51200", min = 1,
                    description = "Largest zipped size, in KB (1,024 bytes), of a function's"
                            + " package uploaded directly.")})
public final class LambdaPackageSizeLimitRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        long unzippedLimit = context.intParameter("unzippedLimitKb") * 1024L;
        long zippedLimit = context.intParameter("zippedLimitKb") * 1024L;
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            List<Source> layers = DeploymentPackages.layers(context, function);
            for (Source code : DeploymentPackages.code(context, function)) {
                PackageMeasurement measured = DeploymentPackages.measure(context, code);
                if (measured == null) {
                    continue;
                }
                long total = measured.unzippedBytes() + layerBytes(context, layers);
                if (total > unzippedLimit) {
                    findings.add(unzipped(context, code, measured, total, unzippedLimit));
                    continue;
                }
                OptionalLong zipped = DeploymentPackages.zippedIfOver(context, code, measured,
                        zippedLimit);
                if (zipped.isPresent()) {
                    findings.add(zipped(context, code, measured, zipped.getAsLong(),
                            zippedLimit));
                }
            }
        }
        return findings;
    }

    private static long layerBytes(RuleContext context, List<Source> layers) {
        long bytes = 0;
        for (Source layer : layers) {
            PackageMeasurement measured = DeploymentPackages.measure(context, layer);
            bytes += measured == null ? 0 : measured.unzippedBytes();
        }
        return bytes;
    }

    private static Finding unzipped(RuleContext context, Source code, PackageMeasurement measured,
            long total, long limit) {
        String layers = total == measured.unzippedBytes() ? ""
                : ", " + DeploymentPackages.formatSize(total) + " with its local layers";
        return context.finding(code.span(), code.logicalId(), "Function '" + code.logicalId()
                + "' deploys " + DeploymentPackages.describe(code) + ", "
                + DeploymentPackages.formatSize(measured.unzippedBytes()) + " unzipped" + layers
                + " (" + DeploymentPackages.largest(measured) + "), more than the limit of "
                + DeploymentPackages.formatSize(limit) + " unzipped for a function and its"
                + " layers, so the deployment fails; leave out files the function does not"
                + " need, or deploy it as a container image.");
    }

    private static Finding zipped(RuleContext context, Source code, PackageMeasurement measured,
            long zipped, long limit) {
        return context.finding(Severity.WARNING, code.span(), code.logicalId(), "Function '"
                + code.logicalId() + "' deploys " + DeploymentPackages.describe(code) + ", "
                + DeploymentPackages.formatSize(zipped) + " zipped ("
                + DeploymentPackages.largest(measured) + "), more than the limit of "
                + DeploymentPackages.formatSize(limit) + " zipped for a direct upload;"
                + " deployments through S3 work, but direct code updates such as 'serverless"
                + " deploy function' fail; leave out files the function does not need.");
    }
}
