package dev.slens.rules;

import dev.slens.index.Alternative;
import dev.slens.index.PackageMeasurement;
import dev.slens.index.PackageSizes;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
import dev.slens.model.LocalPackage;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Finds the local deployment packages of functions and layers, and formats their sizes for
 * messages. A package is local when a function's {@code Code} (SAM {@code CodeUri}) or a
 * layer's {@code Content} (SAM {@code ContentUri}) is a path, as {@code sam deploy} and
 * {@code aws cloudformation package} accept, or when a Serverless Framework service packages
 * a folder or local artifact.
 */
public final class DeploymentPackages {

    /** Bytes in one MB, as the Lambda quotas count them. */
    public static final long MB = 1024L * 1024L;

    /**
     * An estimate of the bytes a zip file adds per entry: the local and central headers with a
     * file name of about 100 characters. NOTE: longer paths add more, so a folder of many
     * deeply nested files could pass a zipped limit without being compressed and reported.
     */
    private static final long ENTRY_OVERHEAD = 400;

    /** One local package and where findings about it point. */
    public record Source(String logicalId, String location, List<String> patterns,
            SourceSpan span, String qualifier) { }

    private DeploymentPackages() {
    }

    /** Returns the local packages of {@code function}'s code, one per {@code Fn::If} branch. */
    public static List<Source> code(RuleContext context, Resource function) {
        return sources(context, function, "Code");
    }

    /** Returns the local packages of the layers in {@code function}'s {@code Layers}. */
    public static List<Source> layers(RuleContext context, Resource function) {
        List<Source> layers = new ArrayList<>();
        Node list = function.property("Layers");
        if (!(list instanceof ListNode items)) {
            return layers;
        }
        for (Node item : items.items()) {
            MapNode reference = item.asMap();
            String target = reference == null || !"Ref".equals(reference.intrinsicName()) ? null
                    : reference.getText("Ref");
            Resource layer = target == null ? null : context.template().resource(target);
            if (layer != null && layer.type().equals("AWS::Lambda::LayerVersion")) {
                layers.addAll(sources(context, layer, "Content"));
            }
        }
        return layers;
    }

    /**
     * Returns the measurement of {@code source}, or {@code null} when the template was not read
     * from a file or the package was not found or not measured.
     */
    public static PackageMeasurement measure(RuleContext context, Source source) {
        PackageSizes sizes = context.index().packageSizes();
        if (sizes == null) {
            return null;
        }
        PackageMeasurement measured = sizes.measure(source.location(), source.patterns());
        return measured.measured() ? measured : null;
    }

    /**
     * Returns the zipped size of {@code source} when it may exceed {@code limit} bytes: an
     * archive's file size, or for a folder the size found by compressing it, which runs only
     * when its unzipped size and the zip headers of its files could exceed {@code limit}.
     * Returns empty when the package cannot exceed {@code limit} or could not be read.
     */
    public static OptionalLong zippedIfOver(RuleContext context, Source source,
            PackageMeasurement measured, long limit) {
        boolean archive = measured.kind() == PackageMeasurement.Kind.ARCHIVE;
        long bound = measured.unzippedBytes() + ENTRY_OVERHEAD * measured.files();
        if (!archive && bound <= limit) {
            return OptionalLong.empty();
        }
        OptionalLong zipped = context.index().packageSizes()
                .zippedBytes(source.location(), source.patterns());
        return zipped.isPresent() && zipped.getAsLong() > limit ? zipped : OptionalLong.empty();
    }

    /** Formats a size as bytes below 1 KB, else in KB or MB with one decimal, as in 12.5 MB. */
    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < MB) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
    }

    /**
     * Names the package of {@code source} for messages: the location in quotes, or "the
     * service folder" for a Serverless Framework service, with the condition it depends on.
     */
    public static String describe(Source source) {
        String name = source.location().equals(".") && !source.patterns().isEmpty()
                ? "the service folder" : "'" + source.location() + "'";
        return name + source.qualifier();
    }

    /** Describes the largest entries of a package, such as "largest: 'node_modules/' 40.2 MB". */
    public static String largest(PackageMeasurement measured) {
        List<String> parts = new ArrayList<>();
        for (PackageMeasurement.Part part : measured.largest()) {
            parts.add("'" + part.name() + "' " + formatSize(part.bytes()));
        }
        String truncated = measured.truncated() ? "; only the first " + measured.files()
                + " files were counted, so the size is a lower bound" : "";
        return "largest: " + String.join(", ", parts) + truncated;
    }

    private static List<Source> sources(RuleContext context, Resource resource, String key) {
        List<Source> sources = new ArrayList<>();
        LocalPackage local = context.template().localPackage(resource.logicalId());
        if (local != null) {
            sources.add(new Source(resource.logicalId(), local.location(), local.patterns(),
                    local.span(), ""));
            return sources;
        }
        Node location = resource.property(key);
        if (location == null) {
            return sources;
        }
        for (Alternative alternative : context.evaluator().alternatives(location)) {
            String text = alternative.value() instanceof Value.Text ? alternative.value()
                    .exactText() : null;
            if (text != null && !text.isBlank() && !text.contains("://")) {
                sources.add(new Source(resource.logicalId(), text.strip(), List.of(),
                        alternative.node().span(), alternative.qualifier()));
            }
        }
        return sources;
    }
}
