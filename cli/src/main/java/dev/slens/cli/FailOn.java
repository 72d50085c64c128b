package dev.slens.cli;

import dev.slens.rule.Severity;
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

    /** Converts and lists the lowercase values of {@code --fail-on}. */
    static final class Values extends EnumOptionValues<FailOn> {

        Values() {
            super(FailOn.class);
        }
    }
}
