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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

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

    /**
     * A package over a limit, and every function that deploys it: without
     * {@code package.individually}, a Serverless Framework service builds one zip for all its
     * functions, so one finding covers them.
     */
    private record Oversize(Source code, PackageMeasurement measured, long bytes,
            boolean unzipped, List<String> functions) { }

    @Override
    public List<Finding> check(RuleContext context) {
        long unzippedLimit = context.intParameter("unzippedLimitKb") * 1024L;
        long zippedLimit = context.intParameter("zippedLimitKb") * 1024L;
        Set<List<Object>> measuredPackages = new HashSet<>();
        Map<List<Object>, Oversize> oversized = new LinkedHashMap<>();
        for (Resource function : context.index().functions()) {
            List<Source> layers = DeploymentPackages.layers(context, function);
            for (Source code : DeploymentPackages.code(context, function)) {
                List<Object> key = packageKey(code, layers);
                if (!measuredPackages.add(key)) {
                    Oversize shared = oversized.get(key);
                    if (shared != null) {
                        shared.functions().add(code.logicalId());
                    }
                    continue;
                }
                Oversize over = oversize(context, code, layers, unzippedLimit, zippedLimit);
                if (over != null) {
                    oversized.put(key, over);
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Oversize over : oversized.values()) {
            findings.add(over.unzipped() ? unzipped(context, over, unzippedLimit)
                    : zipped(context, over, zippedLimit));
        }
        return findings;
    }

    /** Returns the key of the content a function deploys: its package and its local layers. */
    private static List<Object> packageKey(Source code, List<Source> layers) {
        List<Object> key = new ArrayList<>(List.of(code.location(), code.patterns(),
                code.qualifier()));
        for (Source layer : layers) {
            key.add(List.of(layer.location(), layer.patterns(), layer.qualifier()));
        }
        return key;
    }

    private static Oversize oversize(RuleContext context, Source code, List<Source> layers,
            long unzippedLimit, long zippedLimit) {
        PackageMeasurement measured = DeploymentPackages.measure(context, code);
        if (measured == null) {
            return null;
        }
        List<String> functions = new ArrayList<>(List.of(code.logicalId()));
        long total = measured.unzippedBytes() + layerBytes(context, layers);
        if (total > unzippedLimit) {
            return new Oversize(code, measured, total, true, functions);
        }
        OptionalLong zipped = DeploymentPackages.zippedIfOver(context, code, measured,
                zippedLimit);
        return zipped.isPresent()
                ? new Oversize(code, measured, zipped.getAsLong(), false, functions) : null;
    }

    private static long layerBytes(RuleContext context, List<Source> layers) {
        long bytes = 0;
        for (Source layer : layers) {
            PackageMeasurement measured = DeploymentPackages.measure(context, layer);
            bytes += measured == null ? 0 : measured.unzippedBytes();
        }
        return bytes;
    }

    /** Returns the start of a message naming the functions, such as "Function 'A' deploys ". */
    private static String subject(Oversize over) {
        List<String> names = over.functions().stream().map(name -> "'" + name + "'").toList();
        if (names.size() == 1) {
            return "Function " + names.get(0) + " deploys ";
        }
        return "Functions " + String.join(", ", names.subList(0, names.size() - 1)) + " and "
                + names.get(names.size() - 1) + " deploy ";
    }

    private static Finding unzipped(RuleContext context, Oversize over, long limit) {
        PackageMeasurement measured = over.measured();
        String layers = over.bytes() == measured.unzippedBytes() ? ""
                : ", " + DeploymentPackages.formatSize(over.bytes()) + " with "
                        + (over.functions().size() == 1 ? "its" : "their") + " local layers";
        return context.finding(over.code().span(), over.code().logicalId(), subject(over)
                + DeploymentPackages.describe(over.code()) + ", "
                + DeploymentPackages.formatSize(measured.unzippedBytes()) + " unzipped" + layers
                + " (" + DeploymentPackages.largest(measured) + "), more than the limit of "
                + DeploymentPackages.formatSize(limit) + " unzipped for a function and its"
                + " layers, so the deployment fails; leave out files the function does not"
                + " need, or deploy it as a container image.");
    }

    private static Finding zipped(RuleContext context, Oversize over, long limit) {
        String logicalId = over.code().logicalId();
        String directUpdate = context.fix(logicalId,
                "'aws lambda update-function-code --zip-file'", "'serverless deploy function'");
        return context.finding(Severity.WARNING, over.code().span(), logicalId, subject(over)
                + DeploymentPackages.describe(over.code()) + ", "
                + DeploymentPackages.formatSize(over.bytes()) + " zipped ("
                + DeploymentPackages.largest(over.measured()) + "), more than the limit of "
                + DeploymentPackages.formatSize(limit) + " zipped for a direct upload;"
                + " deployments through S3 work, but direct code updates such as "
                + directUpdate + " fail; leave out files the function does not need.");
    }
}
