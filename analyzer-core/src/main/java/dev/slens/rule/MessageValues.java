package dev.slens.rule;

import dev.slens.model.WholeNumbers;

/**
 * Shortens the values that finding messages quote from a user's file, so that a value of a
 * million characters cannot turn one finding into a million-character line.
 */
public final class MessageValues {

    /** The maximum number of characters of a value that a message quotes. */
    public static final int MAX_QUOTED = 80;

    private MessageValues() {
    }

    /**
     * Returns {@code value} when it has at most {@link #MAX_QUOTED} characters, else its start
     * followed by an ellipsis and its length, such as {@code 1111... (100000 characters)}.
     */
    public static String excerpt(String value) {
        if (value == null || value.length() <= MAX_QUOTED) {
            return value;
        }
        int end = MAX_QUOTED;
        if (Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "... (" + value.length() + " characters)";
    }

    /**
     * Returns {@code text}, quoted and shortened, with why an integer property cannot take it,
     * such as {@code '1.5', which is not a whole number}.
     */
    public static String notWholeNumber(String text) {
        String quoted = "'" + excerpt(text) + "'";
        return WholeNumbers.isOutOfRange(text) ? quoted + ", a whole number out of range"
                : quoted + ", which is not a whole number";
    }
}
