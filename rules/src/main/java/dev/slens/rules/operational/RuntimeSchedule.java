package dev.slens.rules.operational;

import dev.slens.rule.Severity;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The dates AWS announced for one Lambda runtime. Deprecation ends security patches and support.
 * From the block dates on, Lambda rejects creating, then updating, functions that use it.
 *
 * @param runtime the runtime identifier, such as {@code python3.12}
 * @param deprecation the first day without support
 * @param blockCreate the first day creating a function fails, or {@code null} when not announced
 * @param blockUpdate the first day updating a function fails, or {@code null} when not announced
 */
record RuntimeSchedule(String runtime, LocalDate deprecation, LocalDate blockCreate,
        LocalDate blockUpdate) {

    /** Days before deprecation from which a function gets a warning. */
    static final int WARNING_DAYS = 180;
    /** Days before deprecation from which a function gets an informational note. */
    static final int NOTE_DAYS = 365;

    /**
     * Returns the severity of using the runtime on {@code today}, or {@code null} when
     * deprecation is more than {@link #NOTE_DAYS} days away.
     */
    Severity severityOn(LocalDate today) {
        if (reached(deprecation, today) || reached(blockUpdate, today)) {
            return Severity.ERROR;
        }
        long days = ChronoUnit.DAYS.between(today, deprecation);
        if (days <= WARNING_DAYS) {
            return Severity.WARNING;
        }
        return days <= NOTE_DAYS ? Severity.INFO : null;
    }

    /** Describes the runtime's phase on {@code today}, as a clause that follows "which". */
    String phaseOn(LocalDate today) {
        if (!reached(deprecation, today) && !reached(blockUpdate, today)) {
            long days = ChronoUnit.DAYS.between(today, deprecation);
            return "AWS deprecates on " + deprecation + ", in " + days
                    + (days == 1 ? " day" : " days");
        }
        String phase = reached(deprecation, today)
                ? "AWS deprecated on " + deprecation : "AWS deprecates on " + deprecation;
        if (reached(blockUpdate, today)) {
            return phase + "; updating functions that use it has been blocked since "
                    + blockUpdate;
        }
        if (reached(blockCreate, today)) {
            return phase + "; creating functions with it has been blocked since " + blockCreate
                    + (blockUpdate == null ? "" : ", and updating them is blocked from "
                            + blockUpdate);
        }
        if (blockCreate != null) {
            return phase + "; creating functions with it is blocked from " + blockCreate
                    + (blockUpdate == null ? "" : ", and updating them from " + blockUpdate);
        }
        return phase;
    }

    private static boolean reached(LocalDate date, LocalDate today) {
        return date != null && !today.isBefore(date);
    }
}
