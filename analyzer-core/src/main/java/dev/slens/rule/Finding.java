package dev.slens.rule;

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
 * @param file the file the span points into
 * @param span the place the user wrote, which reports show
 * @param logicalId the resource concerned, or {@code null}
 * @param related other places that explain the finding, such as the first copy of a duplicate
 */
public record Finding(String ruleId, Severity severity, String message, SourceFile file,
        SourceSpan span, String logicalId, List<SourceSpan> related) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(span, "span");
        related = List.copyOf(related);
    }
}
