package dev.slens.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;

/** Properties that every finding must have, whatever the input. */
public final class FuzzChecks {

    private FuzzChecks() {
    }

    /** Asserts that {@code finding} starts on a line of {@code file}, at column 1 or later. */
    public static void assertInside(SourceFile file, Finding finding) {
        SourceSpan span = finding.span();
        int lines = Math.max(1, file.lines().size());
        assertTrue(span.line() >= 1, () -> "line " + span.line() + " is before the file's"
                + " first line: " + finding.message());
        assertTrue(span.line() <= lines, () -> "line " + span.line()
                + " is outside the file's " + lines + " lines: " + finding.message());
        assertTrue(span.column() >= 1, () -> "column " + span.column() + " of "
                + finding.message());
        assertNotNull(finding.message(), "finding without a message");
        assertFalse(finding.message().isBlank(), "finding with a blank message");
    }
}
