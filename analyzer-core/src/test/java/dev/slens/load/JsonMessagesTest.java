package dev.slens.load;

import static dev.slens.load.TemplateLoaderTest.onlyParseError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.slens.rule.Finding;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every kind of JSON syntax error that the parser reports gets a message in our words, with its
 * line and column, and no parser internals such as character codes, sources or feature names.
 */
class JsonMessagesTest {

    /** Text that only Jackson's own messages contain. */
    private static final Pattern PARSER_TEXT = Pattern.compile("\\(code \\d+\\)|Source:|REDACTED"
            + "|JsonReadFeature|StreamReadConstraints|CTRL-CHAR|field name|marker|token");

    private record Case(String json, String message, int line, int column) { }

    private static final List<Case> CASES = List.of(
            new Case("{\n \"a\": 1\n \"b\": 2}", "expected ',' or '}' after an object member,"
                    + " but found '\"'", 3, 2),
            new Case("[1 2]", "expected ',' or ']' after an array item, but found '2'", 1, 4),
            new Case("{\"a\" 1}", "expected ':' after the member name, but found '1'", 1, 6),
            new Case("{a: 1}", "expected a member name in double quotes, but found 'a'", 1, 2),
            new Case("{'a': 1}", "expected a member name in double quotes, but found '''. JSON"
                    + " strings use double quotes, not single quotes", 1, 2),
            new Case("{\"a\": }", "expected a string in double quotes, a number, an object, an"
                    + " array, true, false or null, but found '}'", 1, 7),
            new Case("{\"a\": 'x'}", "expected a string in double quotes, a number, an object,"
                    + " an array, true, false or null, but found '''. JSON strings use double"
                    + " quotes, not single quotes", 1, 7),
            new Case("{\"a\": [1}", "'}' cannot close the array that starts at line 1, column 7,"
                    + " which needs ']'", 1, 9),
            new Case("{\"a\": 1}}", "'}' closes no object, because none is open here", 1, 9),
            new Case("{\n \"a\": {\"b\": 1}\n", "the file ends before the object that starts at"
                    + " line 1, column 1 is closed with '}'", 2, 15),
            new Case("[1,", "the file ends inside an array, before its next entry", 1, 4),
            new Case("{\"a\":", "the file ends inside an object, before its next entry", 1, 6),
            new Case("{\"a\": \"x", "the file ends inside a string, which needs a closing '\"'",
                    1, 9),
            new Case("{\"a", "the file ends inside a member name, which needs a closing '\"'",
                    1, 4),
            new Case("{\"a\": tru}", "'tru' is not a JSON value; expected a string in double"
                    + " quotes, a number, an object, an array, true, false or null", 1, 7),
            new Case("{\"a\": NaN}", "'NaN' is not a JSON number; write a number, or the text in"
                    + " double quotes", 1, 10),
            new Case("{\"a\": -Infinity}", "'-Infinity' is not a JSON number; write a number,"
                    + " or the text in double quotes", 1, 16),
            new Case("{\"a\": \"x\ny\"}", "control character U+000A must be escaped inside a"
                    + " string, such as \\n for a line break", 1, 9),
            new Case("{\"a\": \u0001}", "control character U+0001 is not allowed between"
                    + " values; remove it", 1, 8),
            new Case("{\"a\": \"\\x\"}", "'\\x' is not a valid escape in a string; write '\\\\'"
                    + " for a backslash", 1, 9),
            new Case("{\"a\": \"\\u12\"}", "a \\u escape needs 4 hexadecimal digits, but found"
                    + " '\"'", 1, 12),
            new Case("{\"a\": 01}", "invalid number: a number cannot start with 0 unless it is"
                    + " 0 or a decimal such as 0.5", 1, 8),
            new Case("{\"a\": 1.}", "invalid number: a decimal point must be followed by a digit,"
                    + " but found '}'", 1, 8),
            new Case("{\"a\": 1e}", "invalid number: an exponent 'e' must be followed by a digit,"
                    + " but found '}'", 1, 8),
            new Case("{\"a\": -}", "invalid number: a minus sign must be followed by a digit, but"
                    + " found '}'", 1, 8),
            new Case("{\"a\": +1}", "invalid number: JSON numbers cannot start with '+'", 1, 8),
            new Case("{\"a\": " + "1".repeat(1_500) + "}", "a number has 1500 characters, more"
                    + " than the limit of 1000", 1, 1_507),
            new Case("{\n  \"a\": 1 // note\n}", "comments are not allowed in JSON; remove the"
                    + " comment", 2, 10),
            new Case("{/* note */ \"a\": 1}", "comments are not allowed in JSON; remove the"
                    + " comment", 1, 2));

    @Test
    void eachSyntaxErrorHasOwnMessage() {
        for (Case kind : CASES) {
            Finding error = onlyParseError(TestLoading.parse("t.json", kind.json()));

            assertEquals("The file cannot be parsed: invalid JSON: " + kind.message() + ".",
                    error.message(), kind.json());
            assertEquals(kind.line() + ":" + kind.column(),
                    error.span().line() + ":" + error.span().column(), kind.json());
            assertFalse(PARSER_TEXT.matcher(error.message()).find(), error.message());
        }
    }

    @Test
    void unknownParserMessageGetsGeneralText() {
        assertEquals("the text is not valid JSON here",
                JsonMessages.describe("Some future Jackson message (code 7)"));
        assertEquals("the text is not valid JSON here", JsonMessages.describe(null));
    }
}
