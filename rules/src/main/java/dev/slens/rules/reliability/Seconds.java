package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import java.math.BigDecimal;

/** Reads whole numbers, such as timeouts and counts, from evaluated values. */
final class Seconds {

    private Seconds() {
    }

    /**
     * Returns the number a value states, written as a number or as numeric text, or
     * {@code null} when it is not a known number.
     */
    static BigDecimal of(Alternative alternative) {
        Value value = alternative.value();
        String text = value instanceof Value.Literal literal ? literal.text() : value.exactText();
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
