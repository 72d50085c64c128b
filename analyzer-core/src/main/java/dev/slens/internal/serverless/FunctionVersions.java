package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;

/**
 * Expander of the version the framework publishes of each function on every deployment, named
 * with {@link Naming#version}. As the framework's {@code compileFunction} does (v4 source,
 * packages/serverless/lib/plugins/aws/package/compile/functions.js), the function's
 * {@code versionFunction} decides when it is set, else {@code provider.versionFunctions}
 * (default true) or {@code durableConfig}, because durable functions need a qualified ARN. Such
 * a version is retained when CloudFormation replaces it. {@code provisionedConcurrency} and
 * {@code snapStart} need a version for their alias even when versioning is off, and that
 * version is not retained.
 * NOTE: newer framework releases also give a durable function an alias named {@code durable}
 * ({@code <Function>DurableLambdaAlias}) that its events target; slens adds no such alias.
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

    /** Adds the version of function {@code name}, unless nothing needs one. */
    void expand(String name, SourceSpan at, MapNode function) {
        boolean versioned = versioned(function);
        if (!versioned && !needsAlias(function)) {
            return;
        }
        MapNode properties = Nodes.map(at, "FunctionName", Nodes.ref(Naming.lambda(name), at));
        Node pruning = versioned ? pruning() : null;
        MapNode attributes = Nodes.map(at,
                "DeletionPolicy", versioned ? Nodes.text("Retain", at) : null,
                "Metadata", pruning == null ? null : Nodes.map(pruning.span(),
                        PRUNED_BY, pruning));
        model.add(Naming.version(name), "AWS::Lambda::Version", properties, at, name,
                attributes);
    }

    /** Returns whether versioning is on for the function. */
    private boolean versioned(MapNode function) {
        MapNode.Entry own = ServiceModel.entry(function, "versionFunction");
        if (own != null && !ServiceModel.isNull(own.value())) {
            return !"false".equalsIgnoreCase(own.value().text());
        }
        MapNode.Entry provider = model.providerEntry("versionFunctions");
        boolean providerOn = provider == null || ServiceModel.isNull(provider.value())
                || !"false".equalsIgnoreCase(provider.value().text());
        return providerOn || ServiceModel.value(function, "durableConfig") != null;
    }

    /**
     * Returns whether the function has an alias that points at its version: a
     * {@code provisionedConcurrency} or {@code snapStart} other than JavaScript's false values.
     */
    static boolean needsAlias(MapNode function) {
        return isSet(ServiceModel.value(function, "provisionedConcurrency"))
                || isSet(ServiceModel.value(function, "snapStart"));
    }

    /** Returns whether {@code value} is present and not false, 0 or empty, as JavaScript tests. */
    static boolean isSet(Node value) {
        String text = value == null ? null : value.text();
        return value != null && !ServiceModel.isNull(value) && !"false".equalsIgnoreCase(text)
                && !"0".equals(text) && !"".equals(text);
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
