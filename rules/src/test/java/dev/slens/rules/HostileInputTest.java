package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each hostile or broken file sits in a folder beside a valid template, with the registered
 * rules. The hostile file gives one SL0001 finding that names the problem and its line, or is
 * skipped, and the valid template is still analyzed. Every analysis must end within the timeout.
 */
class HostileInputTest {

    private static final Duration HANG = Duration.ofSeconds(60);
    private static final String VERSION = "AWSTemplateFormatVersion: '2010-09-09'\n";
    /** A function on a runtime whose support ended in 2023, so SL1003 always reports it. */
    private static final String VALID = VERSION + "Transform: AWS::Serverless-2016-10-31\n"
            + "Resources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n"
            + "      Runtime: nodejs12.x\n      Handler: app.handler\n      CodeUri: src/\n";

    private final Analyzer analyzer = Analyzer.withRegisteredRules();

    @TempDir
    Path folder;

    @BeforeEach
    void writeValidTemplate() throws IOException {
        write("valid.yaml", VALID);
    }

    @Test
    void twentyMegabyteTemplateFailsAtSizeLimit() throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve("big.yaml"))) {
            out.write(VERSION + "Resources:\n");
            for (int i = 0; i < 200_000; i++) {
                out.write("  Queue" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                        + "      QueueName: queue-" + i + "-" + "x".repeat(40) + "\n");
            }
        }
        assertTrue(Files.size(folder.resolve("big.yaml")) > 20_000_000);

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "big.yaml");
        assertTrue(error.message().contains("more than the limit of 16777216 bytes"),
                error.message());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void hundredThousandResourcesFailAtResourceLimit() throws IOException {
        StringBuilder text = new StringBuilder(VERSION + "Resources:\n");
        for (int i = 0; i < 100_000; i++) {
            text.append("  Q").append(i).append(": {Type: AWS::SQS::Queue}\n");
        }
        write("many.yaml", text.toString());

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "many.yaml");
        assertEquals("The template was not analyzed: Resources has 100000 entries, more than the"
                + " limit of 20000. CloudFormation accepts at most 500 resources in a stack, so"
                + " split the template into nested stacks.", error.message());
        assertEquals(2, error.span().line());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void tenThousandLevelsFailAtDepthLimit() throws IOException {
        String brackets = "[".repeat(10_000) + "]".repeat(10_000);
        write("deep.yaml", VERSION + "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
                + "    Properties: {Tags: " + brackets + "}\n");
        write("deep.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n\"Resources\": "
                + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}\n");

        AnalysisResult result = analyzeFolder();

        for (String name : List.of("deep.yaml", "deep.json")) {
            Finding error = onlyParseError(result, name);
            assertEquals("The file cannot be parsed: nesting is deeper than 200 levels.",
                    error.message());
        }
        assertEquals(5, onlyParseError(result, "deep.yaml").span().line());
        assertEquals(2, onlyParseError(result, "deep.json").span().line());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void billionLaughsFailAtNodeLimit() throws IOException {
        StringBuilder text = new StringBuilder(VERSION + "Metadata:\n  a: &a [x, x, x, x, x,"
                + " x, x, x, x, x]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            text.append("  ").append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*" + previous)))
                    .append("]\n");
            previous = name;
        }
        text.append("Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Tags: *j}}\n");
        write("laughs.yaml", text.toString());

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "laughs.yaml");
        assertEquals("The file cannot be parsed: aliases expand the document to more than"
                + " 2000000 nodes.", error.message());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void longMergeKeyChainFailsAtNodeLimit() throws IOException {
        StringBuilder text = new StringBuilder(VERSION + "Metadata:\n  m0: &m0 {k0: v}\n");
        for (int i = 1; i < 5_000; i++) {
            text.append("  m").append(i).append(": &m").append(i).append(" {<<: *m")
                    .append(i - 1).append(", k").append(i).append(": v}\n");
        }
        text.append("Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: *m4999}\n");
        write("merge.yaml", text.toString());

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "merge.yaml");
        assertEquals("The file cannot be parsed: aliases expand the document to more than"
                + " 2000000 nodes.", error.message());
        // Map m(i) counts 2i + 2 nodes with its merge expanded, so the sum passes 2,000,000 at
        // the merge key of m1413, which is on line 3 + 1413.
        assertEquals(3 + 1_413, error.span().line());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void recursiveAliasFailsAtAnchor() throws IOException {
        write("recursive.yaml", VERSION + "Resources: &r\n  Q:\n    Type: AWS::SQS::Queue\n"
                + "    Properties: *r\n");

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "recursive.yaml");
        assertEquals("The file cannot be parsed: anchor 'r' is used inside its own value, which"
                + " makes the template infinite.", error.message());
        assertEquals(2, error.span().line());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void symlinkLoopInFolderIsNotFollowed() throws IOException {
        Path loop = Files.createDirectory(folder.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("self"), Path.of(".."));
        Files.createSymbolicLink(folder.resolve("a.yaml"), Path.of("b.yaml"));
        Files.createSymbolicLink(folder.resolve("b.yaml"), Path.of("a.yaml"));

        AnalysisResult result = analyzeFolder();

        assertEquals(List.of("valid.yaml"), displayPaths(result));
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void unreadableTemplateIsReported() throws IOException {
        Path file = write("locked.yaml", VALID);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "the user can read files without permissions, as"
                + " root can");

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "locked.yaml");
        assertEquals("The file cannot be read: permission denied. Make it readable for the user"
                + " that runs slens, or exclude it from the scan.", error.message());
        assertEquals(1, error.span().line());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void packagesOutsideProjectAreReportedNotRead() throws IOException {
        write("packages.yaml", VERSION + "Transform: AWS::Serverless-2016-10-31\n"
                + "Globals:\n  Function:\n    CodeUri: ../" + folder.getFileName()
                + "-outside/src\n    Runtime: python3.12\n    Handler: app.handler\n"
                + "Resources:\n  First: {Type: AWS::Serverless::Function}\n"
                + "  Second: {Type: AWS::Serverless::Function}\n"
                + "  Layer:\n    Type: AWS::Serverless::LayerVersion\n"
                + "    Properties: {ContentUri: ../../layer}\n"
                + "  Plain:\n    Type: AWS::Lambda::Function\n"
                + "    Properties: {Runtime: python3.12, Handler: a.h, Role: r, Code: /opt/code}\n"
                + "  Inside: {Type: AWS::Serverless::Function, Properties: {CodeUri: src/}}\n");

        AnalysisResult result = analyzeFolder();

        List<String> places = result.findings().stream()
                .filter(f -> f.file().displayPath().equals("packages.yaml"))
                .filter(f -> f.ruleId().equals("SL0002"))
                .map(f -> f.span().line() + ":" + f.logicalId()).toList();
        assertEquals(List.of("5:First", "13:Layer", "16:Plain"), places);
        Finding layer = result.findings().stream().filter(f -> "Layer".equals(f.logicalId())
                && f.ruleId().equals("SL0002")).findFirst().orElseThrow();
        assertEquals("The deployment package '../../layer' of layer 'Layer' leaves the project"
                + " folder '" + folder.toAbsolutePath().normalize() + "', so slens did not read"
                + " it and did not check its size. Keep the package inside the project folder,"
                + " or scan from a folder that contains it.", layer.message());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void brokenIncludeIsOneParseError() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
                + "custom:\n  settings: ${file(./config.yml)}\n  size: ${file(./config.yml):a}\n");
        write("config.yml", "a: 1\nb: [unclosed\n");

        AnalysisResult result = analyzeFolder();

        List<String> problems = result.findings().stream()
                .filter(f -> f.ruleId().startsWith("SL000"))
                .map(f -> f.ruleId() + " " + f.file().displayPath() + ":" + f.span().line())
                .toList();
        assertEquals(List.of("SL0001 config.yml:2"), problems);
        assertTrue(result.hasProcessingErrors());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void binaryFileFailsOnlyWhenNamed() throws IOException {
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Path binary = folder.resolve("image.json");
        Files.write(binary, bytes);

        AnalysisResult inFolder = analyzeFolder();
        AnalysisResult named = analyze(List.of(binary, folder.resolve("valid.yaml")));

        assertEquals(List.of("image.json"), inFolder.skipped());
        assertValidTemplateAnalyzed(inFolder);
        assertTrue(onlyParseError(named, "image.json").message()
                .startsWith("The file cannot be parsed: file is not valid UTF-8"));
        assertValidTemplateAnalyzed(named);
    }

    @Test
    void controlCharactersFailAtTheirLine() throws IOException {
        write("control.yaml", VERSION + "Resources:\n  Q: {Type: \"AWS::SQS::Queue\"}\u0000\n");

        AnalysisResult result = analyzeFolder();

        Finding error = onlyParseError(result, "control.yaml");
        assertEquals("The file cannot be parsed: invalid YAML: character U+0000 is not allowed"
                + " in YAML; remove it.", error.message());
        assertEquals(3, error.span().line());
        assertEquals(31, error.span().column());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void emptyFileFailsOnlyWhenNamed() throws IOException {
        Path empty = write("empty.yaml", "");
        Path comments = write("comments.yaml", "# only a comment\n");

        AnalysisResult inFolder = analyzeFolder();
        AnalysisResult named = analyze(List.of(empty, comments, folder.resolve("valid.yaml")));

        assertEquals(List.of("comments.yaml", "empty.yaml"), inFolder.skipped());
        assertFalse(inFolder.hasProcessingErrors());
        for (String name : List.of("empty.yaml", "comments.yaml")) {
            assertEquals("The file cannot be parsed: it is empty or contains only comments, so"
                    + " it has no template.", onlyParseError(named, name).message());
        }
        assertValidTemplateAnalyzed(named);
    }

    @Test
    void topLevelListFailsWhenNamed() throws IOException {
        Path list = write("list.yaml", "- " + VERSION);
        Path scalar = write("scalar.json", "\"Resources\"\n");

        AnalysisResult result = analyze(List.of(list, scalar, folder.resolve("valid.yaml")));

        assertEquals("The file cannot be parsed: the top level is a list, but a template is a"
                + " mapping of sections such as Resources.",
                onlyParseError(result, "list.yaml").message());
        assertEquals("The file cannot be parsed: the top level is a single value, but a template"
                + " is a mapping of sections such as Resources.",
                onlyParseError(result, "scalar.json").message());
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void wrongTypesNeverMakeRulesFail() throws IOException {
        write("types.yaml", VERSION + "Transform: AWS::Serverless-2016-10-31\n"
                + "Globals: [1]\nParameters: 5\nConditions: {C: [1]}\nResources:\n"
                + "  F:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: [python3.12]\n      Timeout: {Ref: [1]}\n      Events: x\n"
                + "      Policies: [{Statement: 5}, {SQSPollerPolicy: 4}, 7]\n"
                + "      Tracing: !If [C]\n      LoggingConfig: x\n"
                + "  Q: {Type: AWS::SQS::Queue, Properties: [1]}\n"
                + "  R: {Type: AWS::Events::Rule, Properties: {Targets: [5, {Arn: [1]}]}}\n"
                + "  S: {Type: AWS::SNS::Subscription, Properties: {RedrivePolicy: [1]}}\n"
                + "  M: {Type: AWS::Lambda::EventSourceMapping, Properties:"
                + " {DestinationConfig: 1}}\n"
                + "  L: {Type: AWS::Logs::LogGroup, Properties: {LogGroupName: {Fn::Sub: [1]}}}\n"
                + "  N: [1]\n");

        AnalysisResult result = analyzeFolder();

        List<String> failures = result.findings().stream()
                .filter(f -> f.ruleId().equals("SL0001") || f.ruleId().equals("SL0003"))
                .map(Finding::message).toList();
        assertEquals(List.of(), failures);
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("SL0002")
                && f.file().displayPath().equals("types.yaml")), "resource N is reported");
        assertValidTemplateAnalyzed(result);
    }

    @Test
    void parallelAnalysisKeepsSequentialOrder() throws IOException {
        for (int i = 0; i < 40; i++) {
            write("t" + i + ".yaml", VALID.replace("Worker", "Worker" + i)
                    + (i % 3 == 0 ? "  Q:\n    Type: AWS::SQS::Queue\n" : ""));
        }

        AnalysisResult sequential = analyze(List.of(folder), 1);
        AnalysisResult parallel = analyze(List.of(folder), 4);

        assertEquals(displayPaths(sequential), displayPaths(parallel));
        assertEquals(sequential.findings(), parallel.findings());
        assertEquals(41, parallel.files().size());
    }

    private AnalysisResult analyzeFolder() {
        return analyze(List.of(folder));
    }

    private AnalysisResult analyze(List<Path> paths) {
        return analyze(paths, 2);
    }

    private AnalysisResult analyze(List<Path> paths, int threads) {
        AnalyzerConfig config = AnalyzerConfig.builder().paths(paths).baseDirectory(folder)
                .today(LocalDate.of(2026, 12, 4)).threads(threads).build();
        return assertTimeoutPreemptively(HANG, () -> analyzer.analyze(config));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static Finding onlyParseError(AnalysisResult result, String file) {
        List<Finding> findings = result.findings().stream()
                .filter(f -> f.file().displayPath().equals(file)).toList();
        assertEquals(1, findings.size(), () -> file + ": " + findings);
        Finding error = findings.get(0);
        assertEquals("SL0001", error.ruleId(), error.message());
        assertTrue(result.hasProcessingErrors());
        return error;
    }

    private static void assertValidTemplateAnalyzed(AnalysisResult result) {
        assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("SL1003")
                && f.file().displayPath().equals("valid.yaml")), "valid.yaml has its SL1003");
    }

    private static List<String> displayPaths(AnalysisResult result) {
        return result.files().stream().map(f -> f.displayPath()).toList();
    }
}
