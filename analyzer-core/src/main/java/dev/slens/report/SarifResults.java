package dev.slens.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Suppression;
import java.util.Map;

/** Builds the SARIF {@code result} objects of one run. */
final class SarifResults {

    /** The base every artifact URI is relative to: the root of the scanned sources. */
    static final String URI_BASE_ID = "%SRCROOT%";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, Integer> ruleIndexes;
    private final Map<String, Integer> artifactIndexes;
    private final SarifFingerprints fingerprints = new SarifFingerprints();

    /**
     * Creates a builder for one run.
     *
     * @param ruleIndexes the index in {@code tool.driver.rules} of each rule ID
     * @param artifactIndexes the index in {@code run.artifacts} of each display path
     */
    SarifResults(Map<String, Integer> ruleIndexes, Map<String, Integer> artifactIndexes) {
        this.ruleIndexes = ruleIndexes;
        this.artifactIndexes = artifactIndexes;
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
        result.putObject("partialFingerprints")
                .put(SarifFingerprints.KEY, fingerprints.next(finding));
        return result;
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

    /** Builds an {@code artifactLocation} with the encoded relative URI of {@code displayPath}. */
    static ObjectNode artifactLocation(String displayPath) {
        ObjectNode artifactLocation = NODES.objectNode();
        artifactLocation.put("uri", SarifUris.encode(displayPath));
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

    /** Adds the related places with a known span, which are in the finding's own file. */
    private void addRelatedLocations(ObjectNode result, Finding finding) {
        ArrayNode related = NODES.arrayNode();
        for (Finding.Related place : finding.related()) {
            if (place.span().isKnown()) {
                ObjectNode location = related.addObject();
                location.put("id", related.size());
                location.set("physicalLocation", physicalLocation(finding.file(), place.span()));
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
