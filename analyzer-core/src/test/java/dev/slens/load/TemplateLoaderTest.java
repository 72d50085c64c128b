package dev.slens.load;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.internal.io.FileReads;
import dev.slens.model.MapNode;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files: encodings, line ends, limits and syntax errors, for YAML and JSON. */
class TemplateLoaderTest {

    /** A bound that only a hang would reach; these inputs fail within a second or two. */
    private static final Duration HANG = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void bomIsNotPartOfFirstYamlKey() {
        MapNode root = loadedRoot("bom-crlf.yaml");

        assertEquals("AWSTemplateFormatVersion", root.keys().iterator().next());
        assertEquals("AWS::Serverless-2016-10-31", root.getText("Transform"));
    }

    @Test
    void bomAndCrlfShiftNoYamlSpan() {
        MapNode root = loadedRoot("bom-crlf.yaml");
        MapNode.Entry function = root.getMap("Resources").entry("ImportFunction");

        assertStartsAt(1, 1, root.entry("AWSTemplateFormatVersion").keySpan());
        assertStartsAt(4, 1, root.entry("Resources").keySpan());
        assertStartsAt(5, 3, function.keySpan());
        assertStartsAt(9, 16, function.value().asMap().getMap("Properties").get("Runtime")
                .span());
    }

    @Test
    void crlfLeavesNoCarriageReturnInYaml() {
        LoadResult result = TestLoading.resource("bom-crlf.yaml");
        String description = result.root().getMap("Resources").getMap("ImportFunction")
                .getMap("Properties").getText("Description");

        assertEquals("Reads uploaded files.\nWrites rows to the table.\n", description);
        assertEquals(14, result.file().lines().size());
        assertTrue(result.file().lines().stream().noneMatch(line -> line.contains("\r")));
        assertEquals("AWSTemplateFormatVersion: \"2010-09-09\"", result.file().line(1));
    }

    @Test
    void unknownTagIsReportedAndValueKept() {
        LoadResult result = TestLoading.parse("tags.yaml",
                "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
                        + "    Properties: {QueueName: !Bogus jobs, DelaySeconds: !Ref Delay}\n");

        assertEquals(1, result.problems().size());
        Finding problem = result.problems().get(0);
        assertEquals("SL0002", problem.ruleId());
        assertEquals(4, problem.span().line());
        assertTrue(problem.message().contains("'!Bogus'"), problem.message());
        MapNode properties = result.root().getMap("Resources").getMap("Q").getMap("Properties");
        assertEquals("jobs", properties.getText("QueueName"));
    }

    @Test
    void nonAsciiTextSurvivesLoading() {
        String description = loadedRoot("bom-crlf.yaml").getText("Description");

        assertEquals("Imports receipts for the caf\u00e9 and na\u00efve r\u00e9sum\u00e9 parsers",
                description);
    }

    @Test
    void bomAndCrlfShiftNoJsonSpan() {
        MapNode root = loadedRoot("bom-crlf.json");
        MapNode.Entry function = root.getMap("Resources").entry("AuditFunction");

        assertEquals("AWSTemplateFormatVersion", root.keys().iterator().next());
        assertStartsAt(2, 3, root.entry("AWSTemplateFormatVersion").keySpan());
        assertStartsAt(4, 5, function.keySpan());
        assertEquals("Audits the caf\u00e9 orders", function.value().asMap()
                .getMap("Properties").getText("Description"));
    }

    @Test
    void emptyFileHasNoRootAndNoProblem() {
        LoadResult result = TestLoading.parse("empty.yaml", "# only a comment\n");

        assertNull(result.root());
        assertEquals(List.of(), result.problems());
    }

    @Test
    void braceFirstTextIsReadAsJson() {
        LoadResult result = TestLoading.parse("template", "{\"Resources\": {\"A\": 1,}}");

        assertNotNull(result.root());
        assertEquals(List.of(EngineChecks.LENIENT_JSON.id()), ruleIds(result));
    }

    @Test
    void deniedRead_isReportedOnLineOne() throws IOException {
        Path file = Files.writeString(folder.resolve("locked.yaml"), "Resources: {}\n");
        FileReads.install(path -> {
            if (path.equals(file)) {
                throw new AccessDeniedException(path.toString());
            }
        });
        LoadResult result;
        try {
            result = new TemplateLoader(LoadLimits.DEFAULT).load(file, "locked.yaml");
        } finally {
            FileReads.allowAll();
        }

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be read: permission denied. Make it readable for the user"
                + " that runs slens, or exclude it from the scan.", error.message());
        assertEquals(1, error.span().line());
        assertEquals("locked.yaml", error.file().displayPath());
    }

    @Test
    void folderAsFile_failsWithReason() throws IOException {
        Path inner = Files.createDirectory(folder.resolve("template.yaml"));

        LoadResult result = new TemplateLoader(LoadLimits.DEFAULT).load(inner, "template.yaml");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be read: is a directory.", error.message());
    }

    @Test
    void readFailure_namesReasonNotPath() {
        assertEquals("permission denied",
                TemplateLoader.readFailure(new AccessDeniedException("/x/template.yaml")));
        assertEquals("file not found",
                TemplateLoader.readFailure(new NoSuchFileException("/x/template.yaml")));
        assertEquals("is a directory", TemplateLoader.readFailure(
                new FileSystemException("/x/template.yaml", null, "Is a directory")));
    }

    @Test
    void fileOverSizeLimitFails() throws IOException {
        Path file = folder.resolve("big.yaml");
        Files.writeString(file, "Resources:\n" + "  # padding\n".repeat(20));
        LoadLimits limits = new LoadLimits(64, 200, 2_000, 2_000_000, 20_000);

        LoadResult result = new TemplateLoader(limits).load(file, "big.yaml");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: file is 251 bytes, more than the limit of 64"
                + " bytes.", error.message());
        assertStartsAt(1, 1, error.span());
    }

    @Test
    void invalidUtf8FailsAtItsLine() throws IOException {
        Path file = folder.resolve("latin1.yaml");
        byte[] latin1 = "Resources:\n  Name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, latin1);

        Finding error = onlyParseError(TestLoading.load(file));

        assertEquals("The file cannot be parsed: file is not valid UTF-8: byte 0xE9 is not part"
                + " of a UTF-8 character; save the file as UTF-8.", error.message());
        assertStartsAt(2, 12, error.span());
    }

    @Test
    void invalidUtf8KeepsLinesWithReplacement() throws IOException {
        Path file = folder.resolve("latin1.yaml");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] latin1 = "Resources:\n  Name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, concat(bom, latin1));

        LoadResult result = TestLoading.load(file);

        assertStartsAt(2, 12, onlyParseError(result).span());
        assertEquals(List.of("Resources:", "  Name: caf\uFFFD", ""), result.file().lines());
    }

    @Test
    void yamlSyntaxErrorNamesLineAndColumn() {
        LoadResult result = TestLoading.parse("t.yaml", "Resources:\n  A: 1\n    B: 2\n");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: invalid YAML: mapping values are not allowed"
                + " here.", error.message());
        assertStartsAt(3, 6, error.span());
        assertEquals(Severity.ERROR, error.severity());
    }

    @Test
    void unclosedFlowSequenceFailsAtEndOfLastLine() {
        LoadResult result = TestLoading.parse("t.yaml", "Resources:\n  A: [1,\n    2\n\n");

        Finding error = onlyParseError(result);
        assertTrue(error.message().startsWith("The file cannot be parsed: invalid YAML: "),
                error.message());
        assertTrue(error.message().contains("flow sequence that starts on line 2"),
                error.message());
        assertStartsAt(3, 6, error.span());
    }

    @Test
    void unclosedJsonObjectFailsOnLastLine() {
        LoadResult result = TestLoading.parse("t.json", "{\"Resources\": {\n  \"A\": 1\n");

        assertStartsAt(2, 9, onlyParseError(result).span());
    }

    @Test
    void secondYamlDocumentFails() {
        LoadResult result = TestLoading.parse("t.yaml", "Resources: {}\n---\nResources: {}\n");

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: a second YAML document starts here, but a"
                + " template is one document; split the file or remove the '---' line.",
                error.message());
        assertStartsAt(2, 1, error.span());
    }

    @Test
    void deepFlowNestingFailsAtLimit() {
        String text = "Resources: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n";

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.yaml", text));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                error.message());
        assertStartsAt(1, 12 + 199, error.span());
    }

    @Test
    void deepBlockNestingFailsAtLimit() {
        StringBuilder text = new StringBuilder();
        for (int level = 0; level < 300; level++) {
            text.append(" ".repeat(level)).append("k").append(level).append(":\n");
        }

        LoadResult result = assertTimeoutPreemptively(HANG,
                () -> TestLoading.parse("t.yaml", text.toString()));

        Finding error = onlyParseError(result);
        assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                error.message());
        assertStartsAt(201, 201, error.span());
    }

    @Test
    void multiLineFlowNestingFailsAtLimit() {
        String text = "Resources:\n" + "  [\n".repeat(300) + "  ]\n".repeat(300);

        Finding error = onlyParseError(TestLoading.parse("t.yaml", text));

        assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                error.message());
        assertStartsAt(201, 3, error.span());
    }

    @Test
    void nestingAtLimitLoads() {
        String text = "Resources: " + "[".repeat(199) + "]".repeat(199) + "\n";

        assertEquals(List.of(), TestLoading.parse("t.yaml", text).problems());
    }

    private static MapNode loadedRoot(String resource) {
        LoadResult result = TestLoading.resource(resource);
        assertEquals(List.of(), result.problems());
        return result.root();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    static Finding onlyParseError(LoadResult result) {
        assertNull(result.root(), "root of a file that cannot be parsed");
        assertEquals(List.of(EngineChecks.PARSE_ERROR.id()), ruleIds(result));
        Finding error = result.problems().get(0);
        assertFalse(error.message().contains("\n"), error.message());
        return error;
    }

    static List<String> ruleIds(LoadResult result) {
        return result.problems().stream().map(Finding::ruleId).toList();
    }
}
