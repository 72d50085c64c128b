package dev.slens.rules.operational;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Lambda runtime deprecation calendar. The dates are data in {@code lambda-runtimes.tsv} next
 * to this class, with the date they were gathered, so a release can refresh them without a code
 * change.
 */
final class RuntimeCalendar {

    static final String RESOURCE = "lambda-runtimes.tsv";
    private static final String GATHERED = "# gathered:";
    private static final String NO_DATE = "-";

    /** The calendar shipped with slens, loaded once when the class initializes. */
    static final RuntimeCalendar BUILT_IN = load();

    private final Map<String, RuntimeSchedule> schedules;
    private final LocalDate gathered;

    private RuntimeCalendar(Map<String, RuntimeSchedule> schedules, LocalDate gathered) {
        this.schedules = Map.copyOf(schedules);
        this.gathered = gathered;
    }

    /** Returns the schedule of {@code runtime}, or {@code null} when the table lacks it. */
    RuntimeSchedule schedule(String runtime) {
        return schedules.get(runtime);
    }

    /** Returns every runtime of the table, in no particular order. */
    Collection<RuntimeSchedule> schedules() {
        return schedules.values();
    }

    /** Returns the day the table's dates were gathered. */
    LocalDate gathered() {
        return gathered;
    }

    /**
     * Parses the table: comment lines start with {@code #}, one of them is
     * {@code # gathered: <date>}, then a header row, then one tab-separated row per runtime.
     */
    static RuntimeCalendar parse(List<String> lines) {
        Map<String, RuntimeSchedule> schedules = new HashMap<>();
        LocalDate gathered = null;
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith(GATHERED)) {
                gathered = isoDate(line.substring(GATHERED.length()).trim());
            } else if (!line.isBlank() && !line.startsWith("#") && !header) {
                RuntimeSchedule schedule = row(line, i + 1);
                schedules.put(schedule.runtime(), schedule);
            } else if (!line.isBlank() && !line.startsWith("#")) {
                header = false;
            }
        }
        if (gathered == null || schedules.isEmpty()) {
            throw new IllegalStateException(
                    RESOURCE + " has no '" + GATHERED + "' line or no rows");
        }
        return new RuntimeCalendar(schedules, gathered);
    }

    private static RuntimeSchedule row(String line, int number) {
        String[] cells = line.split("\t");
        if (cells.length != 4) {
            throw new IllegalStateException(RESOURCE + " line " + number + " has " + cells.length
                    + " columns instead of 4: '" + line + "'");
        }
        try {
            return new RuntimeSchedule(cells[0], isoDate(cells[1]), date(cells[2]),
                    date(cells[3]));
        } catch (DateTimeException e) {
            throw new IllegalStateException(RESOURCE + " line " + number + " has an invalid date",
                    e);
        }
    }

    private static LocalDate date(String cell) {
        return cell.equals(NO_DATE) ? null : isoDate(cell);
    }

    /**
     * Parses a date written {@code YYYY-MM-DD}, as {@link LocalDate#parse} does for such text.
     * It does not call LocalDate.parse, because its first call initializes java.time's
     * formatters, which took three quarters of the time of loading this table.
     *
     * @throws DateTimeException when {@code text} is not in that form or names no real date
     */
    static LocalDate isoDate(String text) {
        boolean wellFormed = text.length() == 10 && text.charAt(4) == '-'
                && text.charAt(7) == '-';
        for (int i = 0; wellFormed && i < text.length(); i++) {
            wellFormed = i == 4 || i == 7 || (text.charAt(i) >= '0' && text.charAt(i) <= '9');
        }
        if (!wellFormed) {
            throw new DateTimeException("'" + text + "' is not a date in the form YYYY-MM-DD");
        }
        return LocalDate.of(Integer.parseInt(text.substring(0, 4)),
                Integer.parseInt(text.substring(5, 7)), Integer.parseInt(text.substring(8)));
    }

    private static RuntimeCalendar load() {
        try (InputStream in = RuntimeCalendar.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
    }
}
