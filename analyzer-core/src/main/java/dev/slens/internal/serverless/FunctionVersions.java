package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;

/**
 * Expander of the version the framework publishes of each function on every deployment. The
 * function's {@code versionFunction}, else {@code provider.versionFunctions}, turns it off.
 * Each version is a retained {@code AWS::Lambda::Version} named with {@link Naming#version}.
 *
 * <p>Old versions are deleted after a deployment by serverless-prune-plugin with
 * {@code custom.prune.automatic: true}, or by {@code provider.pruneFunctionVersions} in newer
 * framework releases. Neither changes the template, so the version's {@code Metadata} names the
 * setting under {@link #PRUNED_BY}, with the setting's span.
 */
final class FunctionVersions {

    static final String PRUNE_PLUGIN = "serverless-prune-plugin";
    /** The Metadata key under which a version names the setting that prunes it. */
    static final String PRUNED_BY = "SlensPrunedBy";

    private final ServiceModel model;

    FunctionVersions(ServiceModel model) {
        this.model = model;
    }

    /** Adds the version of function {@code name}, unless versioning is off for it. */
    void expand(String name, SourceSpan at, MapNode function) {
        // NOTE: newer releases also skip versions of functions with durableConfig; not modeled.
        MapNode.Entry own = ServiceModel.entry(function, "versionFunction");
        MapNode.Entry provider = model.providerEntry("versionFunctions");
        MapNode.Entry setting = own != null && !ServiceModel.isNull(own.value()) ? own : provider;
        if (setting != null && "false".equalsIgnoreCase(setting.value().text())) {
            return;
        }
        MapNode properties = Nodes.map(at, "FunctionName", Nodes.ref(Naming.lambda(name), at));
        Node pruning = pruning();
        MapNode attributes = Nodes.map(at,
                "DeletionPolicy", Nodes.text("Retain", at),
                "Metadata", pruning == null ? null : Nodes.map(pruning.span(),
                        PRUNED_BY, pruning));
        model.add(Naming.version(name), "AWS::Lambda::Version", properties, at, name,
                attributes);
    }

    /** Returns a text node naming the setting that prunes versions, or {@code null}. */
    private Node pruning() {
        MapNode.Entry builtIn = model.providerEntry("pruneFunctionVersions");
        if (builtIn != null && !ServiceModel.isNull(builtIn.value())
                && !"false".equalsIgnoreCase(builtIn.value().text())) {
            return Nodes.text("provider.pruneFunctionVersions", builtIn.keySpan());
        }
        MapNode.Entry automatic = ServiceModel.entry(model.root(), "custom", "prune",
                "automatic");
        if (model.hasPlugin(PRUNE_PLUGIN) && automatic != null
                && ServiceModel.isTrue(automatic.value())) {
            return Nodes.text(PRUNE_PLUGIN, automatic.keySpan());
        }
        return null;
    }
}
