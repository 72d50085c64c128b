package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
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
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL1073",
        name = "LambdaPackageSettings",
        summary = "Lambda package settings match the package type and runtime",
        severity = Severity.ERROR,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-package.html",
        tags = {"lambda", "deployment"},
        aliases = {"E3677", "E3678", "E3685", "E3716", "W3702"})
public final class LambdaPackageSettingsRule implements Rule {

    /** A layer version ARN: partition, Region, account, layer name and version number. */
    private static final Pattern LAYER_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:layer:[A-Za-z0-9_-]{1,140}:\\d+");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            String packageType = context.evaluator().exactText(function.property("PackageType"));
            if ("Image".equals(packageType)) {
                checkImage(context, function, findings);
            } else {
                checkInlineCode(context, function, findings);
            }
            checkLayers(context, function, findings);
        }
        return findings;
    }

    /** Lambda rejects Handler, Runtime and Layers on a container image function. */
    private static void checkImage(RuleContext context, Resource function,
            List<Finding> findings) {
        for (String property : List.of("Handler", "Runtime", "Layers")) {
            MapNode.Entry entry = function.properties().entry(property);
            if (entry != null) {
                findings.add(context.finding(entry.keySpan(), function.logicalId(), "Function '"
                        + function.logicalId() + "' has PackageType 'Image' and sets "
                        + property + ", which Lambda rejects for container images; remove "
                        + property + " (from Globals too) and set it in the image instead."));
            }
        }
    }

    /** Inline code ({@code ZipFile}, SAM {@code InlineCode}) works only for Node.js and Python. */
    private static void checkInlineCode(RuleContext context, Resource function,
            List<Finding> findings) {
        Node code = function.property("Code");
        if (code == null || code.asMap() == null || code.asMap().get("ZipFile") == null) {
            return;
        }
        Node runtime = function.property("Runtime");
        if (runtime == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().alternatives(runtime)) {
            String text = alternative.value().exactText();
            if (text != null && !text.startsWith("nodejs") && !text.startsWith("python")) {
                findings.add(context.finding(alternative.node().span(), function.logicalId(),
                        "Function '" + function.logicalId() + "' has inline code (Code.ZipFile,"
                                + " SAM: InlineCode) and Runtime '" + text + "'"
                                + alternative.qualifier() + ", but Lambda accepts inline code"
                                + " only for Node.js and Python runtimes; package the code"
                                + " (SAM: CodeUri) instead."));
            }
        }
    }

    private static void checkLayers(RuleContext context, Resource function,
            List<Finding> findings) {
        Node layers = function.property("Layers");
        if (layers == null) {
            return;
        }
        for (Alternative layer : context.evaluator().elements(layers)) {
            String text = layer.value().exactText();
            if (text != null && !LAYER_ARN.matcher(text).matches()) {
                findings.add(context.finding(layer.node().span(), function.logicalId(),
                        "Function '" + function.logicalId() + "' lists layer '" + text + "'"
                                + layer.qualifier() + ", which is not a layer version ARN such"
                                + " as 'arn:aws:lambda:us-east-1:123456789012:layer:utils:3';"
                                + " give the full ARN with its version number."));
            }
        }
    }
}
