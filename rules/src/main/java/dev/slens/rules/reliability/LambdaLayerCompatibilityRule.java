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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL1066",
        name = "LambdaLayerCompatibility",
        summary = "Lambda layers declare the function's runtime and architecture",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
                "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/chapter-layers.html",
        tags = {"lambda", "layers", "runtime"})
public final class LambdaLayerCompatibilityRule implements Rule {

    private static final Set<String> LAYER_TYPES =
            Set.of("AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node layers = function.property("Layers");
            if (layers == null) {
                continue;
            }
            Set<String> runtimes = texts(context, function.property("Runtime"));
            Set<String> architectures = texts(context, function.property("Architectures"));
            if (function.property("Architectures") == null) {
                architectures.add("x86_64");
            }
            for (Alternative item : context.evaluator().elements(layers)) {
                String layerId = context.evaluator().referencedResource(item.node());
                Resource layer = layerId == null ? null : context.template().resource(layerId);
                if (layer == null || !LAYER_TYPES.contains(layer.type())) {
                    continue;
                }
                compare(context, function, item, layer, "CompatibleRuntimes", "Runtime",
                        runtimes, findings);
                compare(context, function, item, layer, "CompatibleArchitectures",
                        "Architectures", architectures, findings);
            }
        }
        return findings;
    }

    private static void compare(RuleContext context, Resource function, Alternative item,
            Resource layer, String layerProperty, String functionProperty, Set<String> used,
            List<Finding> findings) {
        Node declared = layer.property(layerProperty);
        if (declared == null) {
            return;
        }
        Set<String> compatible = texts(context, declared);
        boolean allKnown = context.evaluator().elements(declared).stream()
                .allMatch(a -> a.value().exactText() != null);
        for (String value : used) {
            if (allKnown && !compatible.contains(value)) {
                findings.add(context.finding(item.node().span(), function.logicalId(),
                        "Function '" + function.logicalId() + "' uses layer '"
                                + layer.logicalId() + "'" + item.qualifier() + ", whose "
                                + layerProperty + " (" + quoted(compatible) + ") leaves out"
                                + " the function's " + functionProperty + " '" + value
                                + "', so the layer's code may not load; build the layer for '"
                                + value + "' and add it to " + context.fix(layer.logicalId(),
                                        layerProperty, Character.toLowerCase(
                                                layerProperty.charAt(0))
                                                + layerProperty.substring(1) + " of layer '"
                                                + layer.generatedFrom() + "'")
                                + ", or use a layer made for it."));
            }
        }
    }

    private static String quoted(Set<String> values) {
        return String.join(", ", values.stream().map(v -> "'" + v + "'").toList());
    }

    /** Returns the exact texts a value or list may take, leaving out unknown ones. */
    private static Set<String> texts(RuleContext context, Node node) {
        Set<String> texts = new LinkedHashSet<>();
        if (node != null) {
            for (Alternative alternative : context.evaluator().elements(node)) {
                if (alternative.value().exactText() != null) {
                    texts.add(alternative.value().exactText());
                }
            }
        }
        return texts;
    }
}
