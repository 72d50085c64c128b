package dev.slens.rule;

import java.util.Locale;

/** The seriousness of a finding, from most to least serious. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Returns whether this severity is at or above {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Returns the lowercase name used in reports and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
