package dev.slens.cli;

import dev.slens.rule.Severity;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

/** The {@code --fail-on} threshold: the lowest severity that makes a scan exit with code 4. */
public enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    /** Findings never change the exit code, but unprocessed input still gives code 5. */
    NONE(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
        this.threshold = threshold;
    }

    /** Returns the lowest failing severity, or empty for {@link #NONE}. */
    public Optional<Severity> threshold() {
        return Optional.ofNullable(threshold);
    }

    /** The lowercase values, for the option's help text. */
    public static final class Names implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
