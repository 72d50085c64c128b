package dev.slens.internal.serverless;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the engine findings of resolving and expanding one Serverless Framework file. */
final class ServerlessProblems {

    private final SourceFile file;
    private final List<Finding> findings;
    /** Check, line and column of each finding so far, so a place is reported once per check. */
    private final Set<String> reported = new HashSet<>();

    ServerlessProblems(SourceFile file, List<Finding> findings) {
        this.file = file;
        this.findings = findings;
    }

    SourceFile file() {
        return file;
    }

    /** Adds {@code finding}, made in another file such as an included one, once. */
    void add(Finding finding) {
        String key = finding.ruleId() + ":" + finding.file().displayPath() + ":"
                + finding.span() + ":" + finding.message();
        if (reported.add(key)) {
            findings.add(finding);
        }
    }

    void add(RuleMetadata check, SourceSpan span, String message) {
        SourceSpan at = span.isKnown() ? span : SourceSpan.at(1, 1);
        if (reported.add(check.id() + ":" + at + ":" + message)) {
            findings.add(new Finding(check.id(), check.severity(), message, at.fileOr(file), at,
                    null, List.of()));
        }
    }
}
