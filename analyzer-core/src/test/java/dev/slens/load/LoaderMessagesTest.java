package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loader messages for files in another encoding, empty documents and unknown tags. */
class LoaderMessagesTest {

    @TempDir
    Path folder;

    @Test
    void byteOrderMarkNamesEncoding() throws IOException {
        for (String encoding : List.of("UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE")) {
            Path file = folder.resolve(encoding + ".yaml");
            Files.write(file, "\uFEFFResources: {}\n".getBytes(Charset.forName(encoding)));

            LoadResult result = TestLoading.load(file);

            assertNull(result.root(), encoding);
            assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
            Finding problem = result.problems().get(0);
            assertEquals(EngineChecks.PARSE_ERROR.id(), problem.ruleId());
            assertEquals("The file cannot be parsed: file is " + encoding + ", as its"
                    + " byte order mark shows, but slens reads only UTF-8; save the file as"
                    + " UTF-8.", problem.message());
            assertEquals(1, problem.span().line());
        }
    }

    @Test
    void emptyDocumentIsLikeEmptyFile() {
        LoadResult result = TestLoading.parse("empty.yaml", "---\n...\n");

        assertNull(result.root());
        assertNull(result.document());
        assertEquals(List.of(), result.problems());
        Finding problem = result.notMappingProblem();
        assertNotNull(problem);
        assertEquals("The file cannot be parsed: it is empty or contains only comments, so it"
                + " has no template.", problem.message());
    }

    @Test
    void explicitNullDocumentIsSingleValue() {
        LoadResult result = TestLoading.parse("null.yaml", "--- null\n");

        assertNotNull(result.document());
        assertEquals("The file cannot be parsed: the top level is a single value, but a"
                + " template is a mapping of sections such as Resources.",
                result.notMappingProblem().message());
    }

    @Test
    void verbatimUnknownTagIsReported() {
        LoadResult result = TestLoading.parse("tags.yaml", "Resources:\n  Q:\n"
                + "    Type: AWS::SQS::Queue\n"
                + "    Properties: {QueueName: !<tag:example.com,2000:x> jobs}\n"
                + "Description: !!str text\n");

        assertEquals(1, result.problems().size(), () -> "problems: " + result.problems());
        Finding problem = result.problems().get(0);
        assertEquals(EngineChecks.UNSUPPORTED.id(), problem.ruleId());
        assertEquals(4, problem.span().line());
        assertEquals("Tag 'tag:example.com,2000:x' is not a CloudFormation function, so its"
                + " value is read without it. CloudFormation rejects unknown tags unless a tool"
                + " such as Rain replaces them before deployment.", problem.message());
        assertEquals("jobs", result.root().getMap("Resources").getMap("Q").getMap("Properties")
                .getText("QueueName"));
    }
}
