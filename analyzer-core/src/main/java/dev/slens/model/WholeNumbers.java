package dev.slens.model;

import java.util.regex.Pattern;

/**
 * Reads the whole numbers that integer properties take, such as a Lambda {@code Timeout}. The
 * engine check SL0016 reports a written value that this class rejects, and rules treat such a
 * value as unknown, so both agree on what a number is.
 */
public final class WholeNumbers {

    /** An optional minus sign and 1 to 18 digits, so that every match fits in a {@code long}. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d{1,18}");

    /** An optional minus sign and more digits than {@link #parse} accepts. */
    private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?\\d{19,}");

    private WholeNumbers() {
    }

    /**
     * Returns whether {@code text} is a whole number with more than 18 digits, which no integer
     * property accepts, so a message can call it out of range rather than not a number.
     */
    public static boolean isOutOfRange(String text) {
        return text != null && TOO_MANY_DIGITS.matcher(text.strip()).matches();
    }

    /**
     * Returns the number that {@code text} states, ignoring surrounding white space, or
     * {@code null} for anything else: decimals such as {@code 1.5}, exponents such as
     * {@code 1e400}, {@code NaN}, {@code Infinity}, a leading {@code +} and numbers of more than
     * 18 digits.
     */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return WHOLE_NUMBER.matcher(stripped).matches() ? Long.valueOf(stripped) : null;
    }
}
