package dev.slens.internal.sam;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.List;

/**
 * Collects the engine findings of a SAM expansion: constructs that were not expanded, and the
 * template loader's findings in local files that the template names.
 */
final class SamProblems {

    private final SourceFile file;
    private final List<Finding> findings;

    SamProblems(SourceFile file, List<Finding> findings) {
        this.file = file;
        this.findings = findings;
    }

    /** Adds a finding made elsewhere, such as the template loader's in a local file. */
    void add(Finding finding) {
        findings.add(finding);
    }

    void unsupported(SourceSpan span, String logicalId, String message) {
        findings.add(new Finding(EngineChecks.UNSUPPORTED.id(),
                EngineChecks.UNSUPPORTED.severity(), message, file, span, logicalId, List.of()));
    }

    /** Reports a SAM function setting that the SAM transform rejects, such as an event's. */
    void schema(SourceSpan span, String logicalId, String message) {
        findings.add(new Finding(EngineChecks.SERVERLESS_SCHEMA.id(),
                EngineChecks.SERVERLESS_SCHEMA.severity(), message, file, span, logicalId,
                List.of()));
    }

    /** Reports an event whose Type SAM does not know, at its Type key. */
    void unknownEventType(SourceSpan span, String logicalId, String message) {
        findings.add(new Finding(EngineChecks.UNKNOWN_SAM_EVENT.id(),
                EngineChecks.UNKNOWN_SAM_EVENT.severity(), message, file, span, logicalId,
                List.of()));
    }
}
