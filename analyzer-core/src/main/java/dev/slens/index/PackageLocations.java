package dev.slens.index;

import dev.slens.model.LocalPackage;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports local deployment packages that lie outside the project folder, or that are named
 * pipes, devices or link loops rather than files or folders: a function's
 * {@code Code} (SAM {@code CodeUri}), a layer's {@code Content} (SAM {@code ContentUri}) or a
 * Serverless Framework artifact. slens never reads such a package, so the package size checks
 * skip it. This SL0002 finding reports the skip, so that it is not silent.
 */
public final class PackageLocations {

    private record Place(String location, SourceFile file, SourceSpan span) { }

    private PackageLocations() {
    }

    /**
     * Returns one SL0002 finding for each distinct package location and place in the template
     * of {@code index} that leaves the project folder or cannot be a package. A SAM
     * {@code Globals} location shared by several functions is reported once. Nothing is
     * reported when the template has no file.
     */
    public static List<Finding> check(TemplateIndex index) {
        PackageSizes sizes = index.packageSizes();
        List<Finding> findings = new ArrayList<>();
        if (sizes == null) {
            return findings;
        }
        Set<Place> reported = new HashSet<>();
        for (Resource resource : index.template().resources().values()) {
            for (Place place : places(index, resource)) {
                String outside = sizes.outsideProject(place.location());
                String notPackage = outside == null ? sizes.notPackage(place.location()) : null;
                if (outside != null && reported.add(place)) {
                    findings.add(finding(resource, place, outside, "Keep the package inside the"
                            + " project folder, or scan from a folder that contains it."));
                } else if (notPackage != null && reported.add(place)) {
                    findings.add(finding(resource, place, notPackage, "Point it at a folder,"
                            + " a zip file or a regular file."));
                }
            }
        }
        return findings;
    }

    private static List<Place> places(TemplateIndex index, Resource resource) {
        SourceFile file = index.template().file();
        List<Place> places = new ArrayList<>();
        LocalPackage local = index.template().localPackage(resource.logicalId());
        if (local != null) {
            places.add(new Place(local.location(), local.span().fileOr(file), local.span()));
            return places;
        }
        String key = switch (resource.type()) {
            case "AWS::Lambda::Function" -> "Code";
            case "AWS::Lambda::LayerVersion" -> "Content";
            default -> null;
        };
        Node location = key == null ? null : resource.property(key);
        if (location == null) {
            return places;
        }
        for (Alternative alternative : index.evaluator().alternatives(location)) {
            String text = alternative.value() instanceof Value.Text
                    ? alternative.value().exactText() : null;
            if (text != null && !text.isBlank() && !text.contains("://")) {
                SourceSpan span = alternative.node() == null ? location.span()
                        : alternative.node().span();
                places.add(new Place(text.strip(), span.fileOr(file), span));
            }
        }
        return places;
    }

    private static Finding finding(Resource resource, Place place, String reason,
            String advice) {
        String owner = resource.type().equals("AWS::Lambda::LayerVersion") ? "layer"
                : "function";
        return new Finding(EngineChecks.UNSUPPORTED.id(), EngineChecks.UNSUPPORTED.severity(),
                "The deployment package '" + place.location() + "' of " + owner + " '"
                + resource.logicalId() + "' " + reason + ", so slens did not read it and did"
                + " not check its size. " + advice, place.file(), place.span(),
                resource.logicalId(), List.of());
    }
}
