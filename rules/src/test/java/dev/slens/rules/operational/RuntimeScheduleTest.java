package dev.slens.rules.operational;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slens.rule.Severity;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeScheduleTest {

    private static final RuntimeSchedule NODE = new RuntimeSchedule("nodejs20.x",
            LocalDate.of(2026, 4, 30), LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 3));

    @Test
    void severityOn_eachPhase() {
        LocalDate deprecation = NODE.deprecation();
        assertNull(NODE.severityOn(deprecation.minusDays(366)));
        assertEquals(Severity.INFO, NODE.severityOn(deprecation.minusDays(365)));
        assertEquals(Severity.INFO, NODE.severityOn(deprecation.minusDays(181)));
        assertEquals(Severity.WARNING, NODE.severityOn(deprecation.minusDays(180)));
        assertEquals(Severity.WARNING, NODE.severityOn(deprecation.minusDays(1)));
        assertEquals(Severity.ERROR, NODE.severityOn(deprecation));
        assertEquals(Severity.ERROR, NODE.severityOn(NODE.blockUpdate()));
    }

    @Test
    void phaseOn_eachPhase() {
        assertEquals("AWS deprecates on 2026-04-30, in 10 days",
                NODE.phaseOn(LocalDate.of(2026, 4, 20)));
        assertEquals("AWS deprecates on 2026-04-30, in 1 day",
                NODE.phaseOn(LocalDate.of(2026, 4, 29)));
        assertEquals("AWS deprecated on 2026-04-30; creating functions with it is blocked from"
                + " 2027-02-01, and updating them from 2027-03-03",
                NODE.phaseOn(LocalDate.of(2026, 12, 4)));
        assertEquals("AWS deprecated on 2026-04-30; creating functions with it has been blocked"
                + " since 2027-02-01, and updating them is blocked from 2027-03-03",
                NODE.phaseOn(LocalDate.of(2027, 2, 1)));
        assertEquals("AWS deprecated on 2026-04-30; updating functions that use it has been"
                + " blocked since 2027-03-03", NODE.phaseOn(LocalDate.of(2027, 3, 3)));
    }

    @Test
    void phaseOn_withoutBlockDates() {
        RuntimeSchedule imageOnly = new RuntimeSchedule("dotnet9", LocalDate.of(2026, 11, 10),
                null, null);
        assertEquals("AWS deprecated on 2026-11-10", imageOnly.phaseOn(LocalDate.of(2026, 12, 4)));
        assertEquals(Severity.ERROR, imageOnly.severityOn(LocalDate.of(2026, 12, 4)));
    }

    @Test
    void builtInCalendar_hasGatheredDate() {
        RuntimeCalendar calendar = RuntimeCalendar.BUILT_IN;
        assertEquals(LocalDate.of(2026, 7, 31), calendar.gathered());
        assertNotNull(calendar.schedule("provided.al2023"));
        assertNull(calendar.schedule("python3.99"));
        assertNull(calendar.schedule("runtime"), "the header row is not a runtime");
    }

    @Test
    void parse_rejectsShortRow() {
        List<String> lines = List.of("# gathered: 2026-07-31", "runtime\tdeprecation",
                "python3.12\t2028-10-31");
        assertThrows(IllegalStateException.class, () -> RuntimeCalendar.parse(lines));
    }

    @Test
    void isoDate_matchesLocalDateParse() {
        for (String text : List.of("2024-02-29", "2026-07-31", "1999-12-01", "2030-01-09")) {
            assertEquals(LocalDate.parse(text), RuntimeCalendar.isoDate(text), text);
        }
    }

    @Test
    void isoDate_rejectsWhatLocalDateParseRejects() {
        for (String text : List.of("2024-2-01", "2024-13-01", "2023-02-29", "2024/02/01",
                "+2024-02-01", "2024-02-01 ", "")) {
            assertThrows(DateTimeException.class, () -> LocalDate.parse(text), text);
            assertThrows(DateTimeException.class, () -> RuntimeCalendar.isoDate(text), text);
        }
    }

    @Test
    void parse_rejectsInvalidDate() {
        List<String> lines = List.of("# gathered: 2026-07-31", "runtime\tdeprecation\tx\ty",
                "python3.12\t2028-02-30\t-\t-");
        assertThrows(IllegalStateException.class, () -> RuntimeCalendar.parse(lines));
    }
}
