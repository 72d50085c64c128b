package dev.slens.internal.serverless;

import dev.slens.model.LocalPackage;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out which local files each function of a service deploys, following the "Packaging"
 * page of the Serverless Framework v3 documentation: a {@code package.artifact} is deployed as
 * it is; otherwise the service folder is zipped, less the framework's default excludes, and
 * filtered by the service's {@code package.patterns} (and, with {@code individually}, the
 * function's own). The deprecated {@code exclude} and {@code include} lists count as patterns.
 */
public final class Packaging {

    /**
     * The patterns the framework always excludes before applying the user's, as its
     * documentation lists them; the service file itself is added to them.
     */
    private static final List<String> DEFAULT_EXCLUDES = List.of("!.git/**", "!.gitignore",
            "!.DS_Store", "!npm-debug.log", "!yarn-*.log", "!.serverless/**",
            "!.serverless_plugins/**");

    private Packaging() {
    }

    /**
     * Returns the local package of each function in {@code resolved}, the service file with its
     * variables resolved, keyed by the function's logical ID. {@code fileName} is the name of
     * the service file. Functions deployed from a container image or from an S3 artifact have
     * no entry. Each layer of the top-level {@code layers:} block with a local {@code path}
     * has an entry under its logical ID too.
     */
    public static Map<String, LocalPackage> localPackages(MapNode resolved, String fileName) {
        Map<String, LocalPackage> packages = new LinkedHashMap<>();
        MapNode functions = resolved.getMap("functions");
        if (functions == null) {
            return packages;
        }
        MapNode service = resolved.getMap("package");
        MapNode.Entry serviceEntry = resolved.entry("package");
        List<String> servicePatterns = new ArrayList<>(DEFAULT_EXCLUDES);
        servicePatterns.add("!" + fileName);
        if (ServiceModel.isTrue(resolved.get("useDotenv"))) {
            servicePatterns.add("!.env*");
        }
        servicePatterns.addAll(patterns(service));
        for (MapNode.Entry function : functions.entries()) {
            MapNode definition = function.value().asMap();
            if (definition == null || definition.has("image")) {
                continue;
            }
            LocalPackage local = functionPackage(function, service, serviceEntry,
                    servicePatterns);
            if (local != null) {
                packages.put(Naming.lambda(function.key()), local);
            }
        }
        layers(resolved.getMap("layers"), packages);
        return packages;
    }

    /**
     * Adds the folder of each layer in {@code layers}, the top-level {@code layers:} block,
     * keyed by the layer's logical ID; a layer with its own {@code package.artifact} is
     * deployed as that file.
     */
    private static void layers(MapNode layers, Map<String, LocalPackage> packages) {
        if (layers == null) {
            return;
        }
        for (MapNode.Entry layer : layers.entries()) {
            MapNode settings = layer.value().asMap();
            MapNode.Entry path = settings == null ? null : settings.entry("path");
            MapNode.Entry artifact = ServiceModel.entry(settings, "package", "artifact");
            MapNode.Entry chosen = artifact != null ? artifact : path;
            String location = chosen == null ? null : ServiceModel.text(chosen.value());
            if (location == null || location.isBlank() || location.contains("://")) {
                continue;
            }
            List<String> patterns = artifact != null ? List.of()
                    : patterns(settings.getMap("package"));
            packages.put(Naming.function(layer.key()) + "LambdaLayer",
                    new LocalPackage(location, patterns, chosen.keySpan()));
        }
    }

    private static LocalPackage functionPackage(MapNode.Entry function, MapNode service,
            MapNode.Entry serviceEntry, List<String> servicePatterns) {
        MapNode own = function.value().asMap().getMap("package");
        MapNode.Entry ownEntry = function.value().asMap().entry("package");
        MapNode.Entry artifact = ServiceModel.entry(own, "artifact");
        boolean individually = ServiceModel.isTrue(ServiceModel.value(service, "individually"))
                || ServiceModel.isTrue(ServiceModel.value(own, "individually"));
        if (artifact == null && !individually) {
            artifact = ServiceModel.entry(service, "artifact");
        }
        if (artifact != null) {
            String location = ServiceModel.text(artifact.value());
            boolean local = location != null && !location.isBlank() && !location.contains("://");
            return local ? new LocalPackage(location, List.of(), artifact.keySpan()) : null;
        }
        List<String> patterns = new ArrayList<>(servicePatterns);
        SourceSpan span = serviceEntry != null ? serviceEntry.keySpan() : function.keySpan();
        if (individually) {
            patterns.addAll(patterns(own));
            span = ownEntry != null ? ownEntry.keySpan() : function.keySpan();
        }
        return new LocalPackage(".", patterns, span);
    }

    /** Returns the patterns of a {@code package} block: exclude, then include, then patterns. */
    private static List<String> patterns(MapNode block) {
        List<String> patterns = new ArrayList<>();
        if (block == null) {
            return patterns;
        }
        for (Node item : ServiceModel.items(block.get("exclude"))) {
            addText(patterns, "!", item);
        }
        for (Node item : ServiceModel.items(block.get("include"))) {
            addText(patterns, "", item);
        }
        for (Node item : ServiceModel.items(block.get("patterns"))) {
            addText(patterns, "", item);
        }
        return patterns;
    }

    private static void addText(List<String> patterns, String prefix, Node item) {
        String text = ServiceModel.text(item);
        if (text != null && !text.isBlank()) {
            patterns.add(prefix + text.strip());
        }
    }
}
