package dev.slens.internal.sam;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.List;

/** Collects the SL0002 findings of a SAM expansion: constructs that were not expanded. */
final class SamProblems {

    private final SourceFile file;
    private final List<Finding> findings;

    SamProblems(SourceFile file, List<Finding> findings) {
        this.file = file;
        this.findings = findings;
    }

    void unsupported(SourceSpan span, String logicalId, String message) {
        findings.add(new Finding(EngineChecks.UNSUPPORTED.id(),
                EngineChecks.UNSUPPORTED.severity(), message, file, span, logicalId, List.of()));
    }
}
