package dev.slens;

import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.util.List;

/**
 * Everything one analysis produced, for the report writers.
 *
 * @param findings every finding, sorted by file, line, column and rule ID
 * @param files the files that were analyzed, in scan order, including those that failed to parse
 *     and, after each Serverless Framework service, the files it reads through {@code ${file()}}
 * @param rules the metadata of every rule that ran and of the engine's own checks
 * @param skipped files named on the command line or found in folders that are neither
 *     CloudFormation, SAM nor a Serverless Framework service, by display path
 * @param toolVersion the slens version that produced the result
 * @param skippedEntries how many links and special files, such as named pipes, the folder walk
 *     passed over; each is logged at INFO level and is not in {@code skipped}
 */
public record AnalysisResult(List<Finding> findings, List<SourceFile> files,
        List<RuleMetadata> rules, List<String> skipped, String toolVersion,
        int skippedEntries) {

    public AnalysisResult {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
        rules = List.copyOf(rules);
        skipped = List.copyOf(skipped);
    }

    /** Creates a result whose folder walk passed over no link or special file. */
    public AnalysisResult(List<Finding> findings, List<SourceFile> files,
            List<RuleMetadata> rules, List<String> skipped, String toolVersion) {
        this(findings, files, rules, skipped, toolVersion, 0);
    }

    /** Returns whether some file could not be parsed or some rule failed on a template. */
    public boolean hasProcessingErrors() {
        return findings.stream().anyMatch(f -> f.ruleId().equals("SL0001")
                || f.ruleId().equals("SL0003"));
    }

    /**
     * Returns whether some finding that is neither suppressed nor in the baseline is at or above
     * {@code threshold}.
     */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return findings.stream().anyMatch(f -> !f.suppressed() && !f.inBaseline()
                && f.severity().atLeast(threshold));
    }

    /** Returns the number of findings that the baseline the scan compared against has. */
    public long baselineCount() {
        return findings.stream().filter(Finding::inBaseline).count();
    }

    /** Returns the findings that no suppression covers, in report order. */
    public List<Finding> unsuppressedFindings() {
        return findings.stream().filter(f -> !f.suppressed()).toList();
    }

    /**
     * Returns the findings that no suppression covers and that the baseline the scan compared
     * against does not have, in report order. Without a baseline, these are the unsuppressed
     * findings.
     */
    public List<Finding> newFindings() {
        return findings.stream().filter(f -> !f.suppressed() && !f.inBaseline()).toList();
    }

    /** Returns the number of suppressed findings. */
    public long suppressedCount() {
        return findings.stream().filter(Finding::suppressed).count();
    }

    /** Returns the metadata of rule {@code id}, or {@code null}. */
    public RuleMetadata rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
    }
}
