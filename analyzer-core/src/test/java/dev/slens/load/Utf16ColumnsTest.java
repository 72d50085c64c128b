package dev.slens.load;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.error.Mark;

class Utf16ColumnsTest {

    private static final String EMOJI = "\ud83d\ude00";

    @Test
    void lineWithoutSurrogatesKeepsColumn() {
        Utf16Columns columns = new Utf16Columns(List.of("a: b", "x" + EMOJI));

        assertStartsAt(1, 4, columns.at(mark(0, 3)));
    }

    @Test
    void columnAfterEmojiCountsTwoUnits() {
        Utf16Columns columns = new Utf16Columns(List.of(EMOJI + EMOJI + "ab"));

        assertStartsAt(1, 5, columns.at(mark(0, 2)));
        assertStartsAt(1, 7, columns.at(mark(0, 4)));
    }

    @Test
    void manyMarksOnLongLineAreQuick() {
        // Counting code points from the start of the line for each mark would take minutes.
        String line = EMOJI + "a".repeat(2_000_000) + EMOJI + "b";
        Utf16Columns columns = new Utf16Columns(List.of(line));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int column = 1_999_999; column > 0; column -= 10) {
                assertStartsAt(1, column + 2, columns.at(mark(0, column)));
            }
        });
        assertStartsAt(1, 1, columns.at(mark(0, 0)));
        assertStartsAt(1, 2_000_003, columns.at(mark(0, 2_000_001)));
        assertStartsAt(1, 2_000_005, columns.at(mark(0, 2_000_002)));
    }

    @Test
    void columnPastLineEndKeepsExtraPoints() {
        Utf16Columns columns = new Utf16Columns(List.of(EMOJI));

        assertStartsAt(1, 5, columns.at(mark(0, 3)));
    }

    @Test
    void lineOutsideFileKeepsColumn() {
        Utf16Columns columns = new Utf16Columns(List.of(EMOJI));

        assertStartsAt(3, 2, columns.at(mark(2, 1)));
    }

    private static Mark mark(int line, int column) {
        return new Mark("t.yaml", 0, line, column, new int[0], 0);
    }
}
