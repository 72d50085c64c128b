package dev.slens.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Integer properties read as numbers only when they are whole numbers, as SL0016 requires. */
class SecondsTest {

    private static BigDecimal read(String text) {
        return Seconds.of(new Alternative(new Value.Literal(text), List.of(), List.of(), null));
    }

    @Test
    void wholeNumbersAreRead() {
        assertEquals(BigDecimal.valueOf(30), read("30"));
        assertEquals(BigDecimal.valueOf(900), read(" 900 "));
        assertEquals(BigDecimal.valueOf(-1), read("-1"));
        assertEquals(BigDecimal.valueOf(999_999_999_999_999_999L), read("999999999999999999"));
    }

    @Test
    void otherNumbersAreUnknown() {
        for (String text : List.of("1e400", "1E3", "NaN", "Infinity", "-Infinity", "1.5", "30.0",
                "+30", "0x1E", "1_000", "9999999999999999999", "", "thirty")) {
            assertNull(read(text), text);
        }
    }
}
