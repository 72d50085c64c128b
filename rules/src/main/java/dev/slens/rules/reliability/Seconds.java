package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.rules.Settings;
import java.math.BigDecimal;

/** Reads whole numbers, such as timeouts and counts, from evaluated values. */
final class Seconds {

    private Seconds() {
    }

    /**
     * Returns the whole number a value states, written as a number or as numeric text, or
     * {@code null} when it is not a known whole number, such as {@code 1.5}, {@code 1e400} or
     * {@code NaN}. The properties read this way are integers, as the engine check SL0016 expects.
     */
    static BigDecimal of(Alternative alternative) {
        Long number = Settings.number(alternative.value());
        return number == null ? null : BigDecimal.valueOf(number);
    }
}
