package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

/** The in-memory reader: same tokens and marks as SnakeYAML's reader, in linear time. */
class InMemoryStreamReaderTest {

    private static final List<String> SAMPLES = List.of(
            "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n",
            "\uFEFFa: 1\r\nb: [x, 'y', \"z\"]\r\n",
            "a: 1\rb: 2\r\rc: |\r  text\r",
            "k: \u00e9t\u00e9 \uD83D\uDE00 x\nn: \u0085 y\u2028z\n",
            "list:\n  - &anchor {a: 1}\n  - *anchor\n  - !Ref x\n...\n",
            "q: \"" + "long ".repeat(700) + "\"\np: " + "plain ".repeat(500) + "\n",
            "unterminated: [a, b\n");

    @Test
    void tokensAndMarksMatchSnakeYamlReader() {
        for (String sample : SAMPLES) {
            assertEquals(tokens(new StreamReader(sample)),
                    tokens(new InMemoryStreamReader(sample)), () -> "tokens of " + sample);
        }
    }

    @Test
    void disallowedCharacterReportsItsIndex() {
        String text = "a: 1\nb: x\u0007y\n";

        ReaderException ours = assertThrows(ReaderException.class,
                () -> tokens(new InMemoryStreamReader(text)));
        ReaderException theirs = assertThrows(ReaderException.class,
                () -> tokens(new StreamReader(text)));

        assertEquals(theirs.getPosition(), ours.getPosition());
        assertEquals(7, ours.getCodePoint());
    }

    @Test
    void longSingleLineValueLoadsQuickly() {
        // SnakeYAML's own reader copies its window on each 1,024-character refill, so this line
        // takes it about a minute. Read from one array, it takes well under a second.
        String value = "a".repeat(6_000_000);
        String text = "Resources:\n  Q:\n    Properties:\n      QueueName: " + value + "\n";

        LoadResult result = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> TestLoading.parse("long.yaml", text));

        assertNotNull(result.root(), () -> "root: " + result.problems());
        assertEquals(value.length(), result.root().getMap("Resources").getMap("Q")
                .getMap("Properties").getText("QueueName").length());
    }

    /** Scans {@code reader} to the end, or to the first error, as one line per token. */
    private static List<String> tokens(StreamReader reader) {
        ScannerImpl scanner = new ScannerImpl(reader, new LoaderOptions());
        List<String> tokens = new ArrayList<>();
        try {
            while (!scanner.checkToken(Token.ID.StreamEnd)) {
                Token token = scanner.getToken();
                tokens.add(token.getTokenId() + " " + describe(token.getStartMark()) + " "
                        + describe(token.getEndMark()) + " " + valueOf(token));
            }
        } catch (MarkedYAMLException e) {
            tokens.add("error " + e.getProblem() + " " + describe(e.getProblemMark()));
        }
        return tokens;
    }

    private static String valueOf(Token token) {
        return token instanceof ScalarToken scalar ? scalar.getValue() : "";
    }

    private static String describe(Mark mark) {
        return mark.getIndex() + "@" + mark.getLine() + ":" + mark.getColumn();
    }
}
