package dev.slens.rule;

import dev.slens.model.SourceSpan;
import java.util.Objects;

/**
 * The suppression that covers a finding. Reports still show a suppressed finding, and
 * {@link dev.slens.AnalysisResult#hasFindingsAtLeast} leaves it out.
 *
 * @param kind where the suppression is written
 * @param justification the reason the user gave, or {@code null} when the form has none, as in
 *     cfn-lint's {@code ignore_checks}
 * @param span the place of the suppression in the finding's file
 */
public record Suppression(Kind kind, String justification, SourceSpan span) {

    /** The kind of place a suppression is written in, as SARIF's {@code suppression.kind}. */
    public enum Kind {
        /** In the template itself, in a {@code Metadata} section. */
        IN_SOURCE("inSource");

        private final String sarifName;

        Kind(String sarifName) {
            this.sarifName = sarifName;
        }

        /** Returns the SARIF 2.1.0 name of the kind, such as {@code inSource}. */
        public String sarifName() {
            return sarifName;
        }
    }

    public Suppression {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(span, "span");
    }
}
