package dev.slens.load;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the messages of Jackson's JSON parser (jackson-core 2.21) into plain sentences of our
 * own. Jackson's text names parser internals, such as {@code (code 34)}, the input source or a
 * parser feature to enable. The patterns below match the messages of jackson-core 2.21, and a
 * message they do not match becomes a general one, so no Jackson text reaches the user.
 */
final class JsonMessages {

    private static final String VALUES = "a string in double quotes, a number, an object, an"
            + " array, true, false or null";
    private static final Pattern UNEXPECTED_CHARACTER =
            Pattern.compile("Unexpected character \\('.*?' \\(code (\\d+)\\)\\)"
                    + "( in numeric value)?: (.*)", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER_MISMATCH = Pattern.compile("Unexpected close"
            + " marker '(.)': expected '(.)' \\(for (Array|Object) starting at .*?line: (\\d+),"
            + " column: (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER_UNOPENED =
            Pattern.compile("Unexpected close marker '(.)': no open (Array|Object) to close");
    private static final Pattern UNCLOSED = Pattern.compile("Unexpected end-of-input: expected"
            + " close marker for (Array|Object) \\(start marker at .*?line: (\\d+), column:"
            + " (\\d+)\\]\\)", Pattern.DOTALL);
    private static final Pattern END_BETWEEN_ENTRIES =
            Pattern.compile("Unexpected end-of-input within/between (Array|Object) entries");
    private static final Pattern UNKNOWN_WORD = Pattern.compile("Unrecognized token '(.*?)':"
            + " was expecting .*", Pattern.DOTALL);
    private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '(.*?)'.*",
            Pattern.DOTALL);
    private static final Pattern CONTROL_IN_STRING =
            Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    Pattern.DOTALL);
    private static final Pattern CONTROL_BETWEEN_VALUES =
            Pattern.compile("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
                    Pattern.DOTALL);
    private static final Pattern BAD_ESCAPE =
            Pattern.compile("Unrecognized character escape '.*?' \\(code (\\d+)\\)");
    private static final Pattern NUMBER_TOO_LONG = Pattern.compile("Number value length"
            + " \\((\\d+)\\) exceeds the maximum allowed \\((\\d+).*", Pattern.DOTALL);

    private JsonMessages() {
    }

    /** Returns the message for a syntax error that Jackson reported as {@code message}. */
    static String describe(String message) {
        if (message == null) {
            return "the text is not valid JSON here";
        }
        if (message.contains("ALLOW_COMMENTS")) {
            return "comments are not allowed in JSON; remove the comment";
        }
        Matcher matcher = UNEXPECTED_CHARACTER.matcher(message);
        if (matcher.matches()) {
            int code = Integer.parseInt(matcher.group(1));
            return matcher.group(2) != null ? invalidNumber(matcher.group(3), code)
                    : unexpected(matcher.group(3), code);
        }
        String structure = structureProblem(message);
        if (structure != null) {
            return structure;
        }
        return valueProblem(message);
    }

    /** Returns the message for a bracket or the end of the file in the wrong place. */
    private static String structureProblem(String message) {
        Matcher matcher = CLOSE_MARKER_MISMATCH.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' cannot close the " + structure(matcher.group(3))
                    + " that starts at line " + matcher.group(4) + ", column " + matcher.group(5)
                    + ", which needs '" + matcher.group(2) + "'";
        }

        matcher = CLOSE_MARKER_UNOPENED.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' closes no " + structure(matcher.group(2))
                    + ", because none is open here";
        }

        matcher = UNCLOSED.matcher(message);
        if (matcher.matches()) {
            String closer = matcher.group(1).equals("Array") ? "]" : "}";
            return "the file ends before the " + structure(matcher.group(1)) + " that starts at"
                    + " line " + matcher.group(2) + ", column " + matcher.group(3)
                    + " is closed with '" + closer + "'";
        }

        matcher = END_BETWEEN_ENTRIES.matcher(message);
        if (matcher.matches()) {
            return "the file ends inside an " + structure(matcher.group(1))
                    + ", before its next entry";
        }

        if (message.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return "the file ends inside a string, which needs a closing '\"'";
        }
        if (message.startsWith("Unexpected end-of-input in field name")) {
            return "the file ends inside a member name, which needs a closing '\"'";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the file ends before the JSON document is complete";
        }
        return null;
    }

    /** Returns the message for a value that is not valid JSON. */
    private static String valueProblem(String message) {
        Matcher matcher = UNKNOWN_WORD.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a JSON value; expected " + VALUES;
        }

        matcher = NON_NUMERIC.matcher(message);
        if (matcher.matches()) {
            return "'" + matcher.group(1) + "' is not a JSON number; write a number, or the"
                    + " text in double quotes";
        }

        matcher = CONTROL_IN_STRING.matcher(message);
        if (matcher.matches()) {
            return "control character " + codePoint(Integer.parseInt(matcher.group(1)))
                    + " must be escaped inside a string, such as \\n for a line break";
        }

        matcher = CONTROL_BETWEEN_VALUES.matcher(message);
        if (matcher.matches()) {
            return "control character " + codePoint(Integer.parseInt(matcher.group(1)))
                    + " is not allowed between values; remove it";
        }

        matcher = BAD_ESCAPE.matcher(message);
        if (matcher.matches()) {
            return "'\\" + Character.toString(Integer.parseInt(matcher.group(1))) + "' is not"
                    + " a valid escape in a string; write '\\\\' for a backslash";
        }
        if (message.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
            return "invalid number: a number cannot start with 0 unless it is 0 or a decimal"
                    + " such as 0.5";
        }

        matcher = NUMBER_TOO_LONG.matcher(message);
        if (matcher.matches()) {
            return "a number has " + matcher.group(1) + " characters, more than the limit of "
                    + matcher.group(2);
        }
        return "the text is not valid JSON here";
    }

    /** Returns the message for an unexpected character {@code code} outside a number. */
    private static String unexpected(String expectation, int code) {
        String found = ", but found " + character(code);
        if (expectation.startsWith("was expecting comma to separate Object")) {
            return "expected ',' or '}' after an object member" + found;
        }
        if (expectation.startsWith("was expecting comma to separate Array")) {
            return "expected ',' or ']' after an array item" + found;
        }
        if (expectation.startsWith("was expecting a colon")) {
            return "expected ':' after the member name" + found;
        }
        String quotes = code == '\'' ? ". JSON strings use double quotes, not single quotes" : "";
        if (expectation.startsWith("was expecting double-quote to start field name")) {
            return "expected a member name in double quotes" + found + quotes;
        }
        if (expectation.startsWith("expected a valid value")
                || expectation.startsWith("expected a value")) {
            return "expected " + VALUES + found + quotes;
        }
        if (expectation.startsWith("expected a hex-digit")) {
            return "a \\u escape needs 4 hexadecimal digits" + found;
        }
        return "unexpected character " + character(code);
    }

    /** Returns the message for character {@code code} that ends a number too early. */
    private static String invalidNumber(String reason, int code) {
        String found = ", but found " + character(code);
        if (reason.startsWith("Decimal point not followed by a digit")) {
            return "invalid number: a decimal point must be followed by a digit" + found;
        }
        if (reason.startsWith("Exponent indicator not followed by a digit")) {
            return "invalid number: an exponent 'e' must be followed by a digit" + found;
        }
        if (reason.startsWith("expected digit (0-9) to follow minus sign")) {
            return "invalid number: a minus sign must be followed by a digit" + found;
        }
        if (reason.contains("plus sign")) {
            return "invalid number: JSON numbers cannot start with '+'";
        }
        return "invalid number: unexpected character " + character(code);
    }

    private static String structure(String jacksonName) {
        return jacksonName.equals("Array") ? "array" : "object";
    }

    /** Returns a quoted printable character, or the code point of an invisible one. */
    private static String character(int code) {
        if (code < 0x20 || code == 0x7f || Character.isWhitespace(code)) {
            return codePoint(code);
        }
        return "'" + Character.toString(code) + "'";
    }

    private static String codePoint(int code) {
        return String.format(Locale.ROOT, "U+%04X", code);
    }
}
