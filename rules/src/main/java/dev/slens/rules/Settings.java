package dev.slens.rules;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.model.WholeNumbers;

/** Helpers for reading a resource's settings from evaluated values. */
public final class Settings {

    private Settings() {
    }

    /**
     * Returns the whole number a value represents, written as a number or as a string of digits,
     * or {@code null} when it is anything else, such as an unknown parameter, {@code 1.5} or
     * {@code 1e400}. It accepts the same numbers as the engine check SL0016.
     */
    public static Long number(Value value) {
        String text = value instanceof Value.Literal literal ? literal.text() : value.exactText();
        return WholeNumbers.parse(text);
    }

    /** Returns the map a value represents, or {@code null} when it is not a map. */
    public static MapNode map(Value value) {
        return value instanceof Value.Structure structure ? structure.node().asMap() : null;
    }

    /**
     * Returns where to report a value: the branch or reference inside {@code written} that gave
     * it, or {@code written} itself when the value came from elsewhere, such as a parameter
     * default or a mapping that several resources share.
     */
    public static SourceSpan spanOf(Node written, Alternative alternative) {
        SourceSpan outer = written.span();
        SourceSpan inner = alternative.node() == null ? SourceSpan.NONE
                : alternative.node().span();
        boolean startsInside = compare(outer.line(), outer.column(), inner.line(),
                inner.column()) <= 0;
        boolean endsInside = compare(inner.endLine(), inner.endColumn(), outer.endLine(),
                outer.endColumn()) <= 0;
        return inner.isKnown() && startsInside && endsInside ? inner : outer;
    }

    private static int compare(int line, int column, int otherLine, int otherColumn) {
        return line != otherLine ? Integer.compare(line, otherLine)
                : Integer.compare(column, otherColumn);
    }
}
