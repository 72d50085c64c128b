package dev.slens.rule;

import dev.slens.model.RecordHash;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in one file.
 *
 * @param ruleId the ID of the rule that found it
 * @param severity the severity of this finding, usually the rule's default
 * @param message a sentence naming the resource and property, what is wrong and what to set
 * @param file the file the span points into: the template's own file, or a file it includes
 * @param span the place the user wrote, which reports show
 * @param logicalId the resource concerned, or {@code null}
 * @param related other places in {@code file} that explain the finding, such as the first copy
 *     of a duplicate key
 * @param suppression why the finding is suppressed, or {@code null} when it is not
 * @param baselineState whether the finding is in the baseline the scan compared against, or
 *     {@code null} when it compared against none
 */
public record Finding(String ruleId, Severity severity, String message, SourceFile file,
        SourceSpan span, String logicalId, List<Related> related, Suppression suppression,
        BaselineState baselineState) {

    /** The state of a finding relative to a baseline, as SARIF's {@code baselineState}. */
    public enum BaselineState {
        /** The baseline does not have the finding. */
        NEW("new"),
        /** The baseline has the finding, so it does not fail the build. */
        UNCHANGED("unchanged");

        private final String sarifName;

        BaselineState(String sarifName) {
            this.sarifName = sarifName;
        }

        /** Returns the SARIF 2.1.0 name of the state, such as {@code unchanged}. */
        public String sarifName() {
            return sarifName;
        }
    }

    /**
     * A place that explains a finding.
     *
     * @param span the place in the finding's file
     * @param message what the place is, such as "first copy of 'Timeout'"
     */
    public record Related(SourceSpan span, String message) {

        public Related {
            Objects.requireNonNull(span, "span");
            Objects.requireNonNull(message, "message");
        }
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(span, "span");
        related = List.copyOf(related);
    }

    /** Creates a finding that is not suppressed. */
    public Finding(String ruleId, Severity severity, String message, SourceFile file,
            SourceSpan span, String logicalId, List<Related> related) {
        this(ruleId, severity, message, file, span, logicalId, related, null, null);
    }

    /** Creates a finding, suppressed when {@code suppression} is not null, without a baseline. */
    public Finding(String ruleId, Severity severity, String message, SourceFile file,
            SourceSpan span, String logicalId, List<Related> related, Suppression suppression) {
        this(ruleId, severity, message, file, span, logicalId, related, suppression, null);
    }

    /** Returns whether a suppression covers this finding. */
    public boolean suppressed() {
        return suppression != null;
    }

    /** Returns whether the baseline the scan compared against has this finding. */
    public boolean inBaseline() {
        return baselineState == BaselineState.UNCHANGED;
    }

    /** Returns a copy of this finding with {@code suppression}. */
    public Finding withSuppression(Suppression suppression) {
        return new Finding(ruleId, severity, message, file, span, logicalId, related,
                suppression, baselineState);
    }

    /** Returns a copy of this finding at {@code newSeverity}. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(ruleId, newSeverity, message, file, span, logicalId, related,
                suppression, baselineState);
    }

    /** Returns a copy of this finding with {@code state}. */
    public Finding withBaselineState(BaselineState state) {
        return new Finding(ruleId, severity, message, file, span, logicalId, related,
                suppression, state);
    }

    /** Compares every component, as the generated method does; see {@link RecordHash}. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Finding finding && Objects.equals(ruleId, finding.ruleId)
                && Objects.equals(severity, finding.severity)
                && Objects.equals(message, finding.message)
                && Objects.equals(file, finding.file) && Objects.equals(span, finding.span)
                && Objects.equals(logicalId, finding.logicalId)
                && Objects.equals(related, finding.related)
                && Objects.equals(suppression, finding.suppression)
                && Objects.equals(baselineState, finding.baselineState);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(ruleId, severity, message, file, span, logicalId, related, suppression,
                baselineState);
    }
}
