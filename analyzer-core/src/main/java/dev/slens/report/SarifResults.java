package dev.slens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.internal.io.FileReads;
import dev.slens.load.LoadLimits;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Suppression;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the SARIF {@code result} objects of one run. */
final class SarifResults {

    /** The base every artifact URI is relative to: the root of the scanned sources. */
    static final String URI_BASE_ID = "%SRCROOT%";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The key GitHub code scanning reads under {@code partialFingerprints}. */
    static final String LINE_HASH_KEY = "primaryLocationLineHash";

    private final Map<String, Integer> ruleIndexes;
    private final Map<String, Integer> artifactIndexes;
    private final ReportOptions options;
    private final SarifFingerprints fingerprints = new SarifFingerprints();
    private final Map<Path, List<String>> lineHashes = new HashMap<>();

    /**
     * Creates a builder for one run.
     *
     * @param ruleIndexes the index in {@code tool.driver.rules} of each rule ID
     * @param artifactIndexes the index in {@code run.artifacts} of each display path
     * @param options the source root that artifact URIs are relative to
     */
    SarifResults(Map<String, Integer> ruleIndexes, Map<String, Integer> artifactIndexes,
            ReportOptions options) {
        this.ruleIndexes = ruleIndexes;
        this.artifactIndexes = artifactIndexes;
        this.options = options;
    }

    /** Builds the result of {@code finding}, with one physical location. */
    ObjectNode result(Finding finding) {
        ObjectNode result = NODES.objectNode();
        result.put("ruleId", finding.ruleId());
        Integer ruleIndex = ruleIndexes.get(finding.ruleId());
        if (ruleIndex != null) {
            result.put("ruleIndex", ruleIndex);
        }
        result.put("level", SarifRules.level(finding.severity()));
        result.putObject("message").put("text", messageText(finding.message()));
        ObjectNode location = result.putArray("locations").addObject();
        location.set("physicalLocation", physicalLocation(finding.file(), finding.span()));
        if (finding.logicalId() != null && !finding.logicalId().isBlank()) {
            ObjectNode logical = location.putArray("logicalLocations").addObject();
            logical.put("name", finding.logicalId());
            logical.put("kind", "resource");
        }
        addRelatedLocations(result, finding);
        if (finding.suppressed()) {
            result.set("suppressions", suppressions(finding));
        }
        if (finding.baselineState() != null) {
            result.put("baselineState", finding.baselineState().sarifName());
        }
        ObjectNode partialFingerprints = result.putObject("partialFingerprints");
        partialFingerprints.put(SarifFingerprints.KEY, fingerprints.next(finding));
        String lineHash = lineHash(finding.file(), startLine(finding.span()));
        if (lineHash != null) {
            partialFingerprints.put(LINE_HASH_KEY, lineHash);
        }
        return result;
    }

    /**
     * Builds the error notification of a file that could not be parsed or a rule that failed,
     * which points at the same place as the finding's result.
     */
    ObjectNode notification(Finding finding) {
        ObjectNode notification = NODES.objectNode();
        notification.put("level", "error");
        notification.putObject("message").put("text", messageText(finding.message()));
        notification.putArray("locations").addObject()
                .set("physicalLocation", physicalLocation(finding.file(), finding.span()));
        ObjectNode rule = notification.putObject("associatedRule");
        rule.put("id", finding.ruleId());
        Integer ruleIndex = ruleIndexes.get(finding.ruleId());
        if (ruleIndex != null) {
            rule.put("index", ruleIndex);
        }
        return notification;
    }

    /** Returns the first line of the region that {@link SarifRegions} writes for {@code span}. */
    private static int startLine(SourceSpan span) {
        return span.isKnown() ? span.line() : 1;
    }

    /**
     * Returns GitHub's hash of line {@code line} of {@code file}, computed from the file's
     * bytes as they are on disk now, or {@code null} when the file cannot be read.
     */
    private String lineHash(SourceFile file, int line) {
        List<String> hashes = lineHashes.computeIfAbsent(file.path(), SarifResults::hashLines);
        return line >= 1 && line <= hashes.size() ? hashes.get(line - 1) : null;
    }

    /**
     * Hashes every line of the file at {@code path}, decoded as UTF-8 with a byte order mark
     * kept as U+FEFF. Node.js, which runs GitHub's upload action, decodes valid UTF-8 the same
     * way; a file that is not valid UTF-8 fails to parse, and its replacement characters may
     * differ.
     */
    private static List<String> hashLines(Path path) {
        try {
            if (path == null || !Files.isRegularFile(path)
                    || Files.size(path) > LoadLimits.DEFAULT.maxFileBytes()) {
                return List.of();
            }
            return LineHashes.of(new String(FileReads.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Builds the {@code suppressions} array of a suppressed finding: one entry with its kind, the
     * reason when one is given, and the place of the suppression when it is known.
     */
    private ArrayNode suppressions(Finding finding) {
        Suppression suppression = finding.suppression();
        ArrayNode suppressions = NODES.arrayNode();
        ObjectNode entry = suppressions.addObject();
        entry.put("kind", suppression.kind().sarifName());
        if (suppression.justification() != null) {
            entry.put("justification", messageText(suppression.justification()));
        }
        if (suppression.span().isKnown()) {
            entry.putObject("location").set("physicalLocation",
                    physicalLocation(finding.file(), suppression.span()));
        }
        return suppressions;
    }

    /**
     * Builds an {@code artifactLocation} with the encoded URI of {@code displayPath}, relative
     * to the source root when the file is inside it. A file outside the source root gets an
     * absolute {@code file:} URI and no base, so no URI climbs out of the root with {@code ../}.
     */
    ObjectNode artifactLocation(String displayPath) {
        ObjectNode artifactLocation = NODES.objectNode();
        Path outside = options.outsideSourceRoot(displayPath);
        if (outside != null) {
            artifactLocation.put("uri", outside.toUri().toASCIIString());
            return artifactLocation;
        }
        artifactLocation.put("uri", SarifUris.encode(options.sourceRelative(displayPath)));
        artifactLocation.put("uriBaseId", URI_BASE_ID);
        return artifactLocation;
    }

    /** Builds an {@code artifactLocation} for {@code file} that points at its artifact entry. */
    private ObjectNode indexedArtifactLocation(SourceFile file) {
        ObjectNode artifactLocation = artifactLocation(file.displayPath());
        Integer index = artifactIndexes.get(file.displayPath());
        if (index != null) {
            artifactLocation.put("index", index);
        }
        return artifactLocation;
    }

    private ObjectNode physicalLocation(SourceFile file, SourceSpan span) {
        ObjectNode physicalLocation = NODES.objectNode();
        physicalLocation.set("artifactLocation", indexedArtifactLocation(file));
        SarifRegions.addRegions(physicalLocation, file, span);
        return physicalLocation;
    }

    /**
     * Adds the related places with a known span, each in its own file when it has one, else in
     * the finding's file.
     */
    private void addRelatedLocations(ObjectNode result, Finding finding) {
        ArrayNode related = NODES.arrayNode();
        for (Finding.Related place : finding.related()) {
            if (place.span().isKnown()) {
                ObjectNode location = related.addObject();
                location.put("id", related.size());
                location.set("physicalLocation",
                        physicalLocation(place.span().fileOr(finding.file()), place.span()));
                location.putObject("message").put("text", messageText(place.message()));
            }
        }
        if (!related.isEmpty()) {
            result.set("relatedLocations", related);
        }
    }

    private static String messageText(String message) {
        String text = SarifRegions.normalizeLineBreaks(message).strip();
        return text.isEmpty() ? "(no message)" : text;
    }
}
