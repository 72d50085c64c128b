package dev.slens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.engine.RuleRegistry;
import dev.slens.load.LoadLimits;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with no rules registered still reports what loading and expansion find. */
class AnalyzerTest {

    private static final String VERSION = "AWSTemplateFormatVersion: \"2010-09-09\"\n";

    private final Analyzer analyzer = new Analyzer(new RuleRegistry(List.of()));

    @TempDir
    Path folder;

    @Test
    void engineFindingsComeFromEveryFile() throws IOException {
        write("broken.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A: [1\n");
        write("duplicate.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
                + "  Q:\n    Type: AWS::SNS::Topic\n");
        write("lenient.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"},}}\n");
        write("loop.yaml", "Resources:\n  Fn::ForEach::Q:\n    - N\n    - !Ref Names\n"
                + "    - ${N}Queue: {Type: AWS::SQS::Queue}\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("broken.yaml:3:8:SL0001", "duplicate.yaml:4:3:SL0004",
                "lenient.json:1:48:SL0005", "loop.yaml:2:3:SL0002"), places(result.findings()));
        assertTrue(result.hasProcessingErrors());
    }

    @Test
    void resourceWithoutTypeIsReported() throws IOException {
        write("untyped.yaml", "Resources:\n  Orders:\n    Properties: {}\n"
                + "  Jobs:\n    Type: AWS::SQS::Queue\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("untyped.yaml:2:3:SL0002"), places(result.findings()));
        assertTrue(result.findings().get(0).message().contains("'Orders' has no Type"));
    }

    @Test
    void namedFileWithoutTypedResourcesIsReported() throws IOException {
        write("empty.yaml", "Resources:\n");
        write("list.yaml", "Resources: [a, b]\n");
        write("number.yaml", "Resources:\n  Q:\n    Type: 5\n");

        AnalysisResult inFolder = analyze(folder);
        AnalysisResult named = analyzer.analyze(AnalyzerConfig.builder()
                .paths(List.of(folder.resolve("empty.yaml"), folder.resolve("list.yaml"),
                        folder.resolve("number.yaml")))
                .baseDirectory(folder).threads(1).build());

        assertEquals(List.of(), inFolder.findings());
        assertEquals(3, inFolder.skipped().size());
        assertEquals(List.of("empty.yaml:1:1:SL0001", "list.yaml:1:1:SL0001",
                "number.yaml:1:1:SL0001"), places(named.findings()));
        assertTrue(named.hasProcessingErrors());
        assertTrue(named.findings().get(0).message().startsWith("The template cannot be"
                + " analyzed: Resources has no resource with a Type"), named.findings().toString());
    }

    @Test
    void resourcesListIsReportedAtItsKey() throws IOException {
        write("list.yaml", VERSION + "Resources: [1, 2]\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("list.yaml:2:1:SL0002"), places(result.findings()));
        assertEquals(List.of(), result.skipped());
        assertEquals("The Resources section is a list, so no resource was analyzed;"
                + " CloudFormation rejects the template too. Resources must be a mapping of"
                + " logical IDs to resource definitions.", result.findings().get(0).message());
    }

    @Test
    void resourcesScalarIsReportedAtItsKey() throws IOException {
        write("scalar.yaml", VERSION + "Description: d\nResources: none\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("scalar.yaml:3:1:SL0002"), places(result.findings()));
        assertTrue(result.findings().get(0).message()
                .startsWith("The Resources section is the text 'none', so"));
    }

    @Test
    void missingResourcesIsReportedAtVersion() throws IOException {
        write("empty.json", "{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\"\n}\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("empty.json:2:3:SL0002"), places(result.findings()));
        assertTrue(result.findings().get(0).message()
                .startsWith("The Resources section is missing, so"));
    }

    @Test
    void missingResourcesIsReportedAtSamTransform() throws IOException {
        write("sam.yaml", "Description: d\nTransform: AWS::Serverless-2016-10-31\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("sam.yaml:2:1:SL0002"), places(result.findings()));
    }

    @Test
    void resourceThatIsNoMappingIsReported() throws IOException {
        write("values.yaml", VERSION + "Resources:\n  Orders: [1]\n  Jobs: text\n"
                + "  Queue:\n    Type: AWS::SQS::Queue\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("values.yaml:3:3:SL0002", "values.yaml:4:3:SL0002"),
                places(result.findings()));
        assertEquals(Severity.WARNING, result.findings().get(0).severity());
        assertEquals("Resource 'Orders' is a list, not a mapping, so it was not analyzed;"
                + " CloudFormation rejects it too. Write it as a mapping with a Type.",
                result.findings().get(0).message());
        assertTrue(result.findings().get(1).message().startsWith("Resource 'Jobs' is the text"
                + " 'text', not a mapping"), result.findings().get(1).message());
    }

    @Test
    void typeThatIsNoStringIsReported() throws IOException {
        write("types.yaml", VERSION + "Resources:\n  Orders:\n    Type: [AWS::SQS::Queue]\n"
                + "  Jobs:\n    Type: 5\n  Queue:\n    Type: AWS::SQS::Queue\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("types.yaml:4:5:SL0018", "types.yaml:6:5:SL0018"),
                places(result.findings()));
        assertEquals(Severity.ERROR, result.findings().get(0).severity());
        assertEquals("Resource 'Orders' has a Type that is a list, not a string, so it was not"
                + " analyzed; CloudFormation rejects it too. Set Type to a resource type such as"
                + " 'AWS::Lambda::Function'.", result.findings().get(0).message());
        assertTrue(result.findings().get(1).message().startsWith("Resource 'Jobs' has a Type"
                + " that is the value '5', not a string"), result.findings().get(1).message());
    }

    @Test
    void unrelatedBrokenYamlIsSkippedQuietly() throws IOException {
        write("notes.yaml", "title: [unclosed\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of(), result.findings());
        assertEquals(List.of("notes.yaml"), result.skipped());
    }

    @Test
    void configFileNotSkipped() throws IOException {
        write(".slens.yml", "fail-on: warning\n");
        write("notes.yaml", "title: notes\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("notes.yaml"), result.skipped());
    }

    @Test
    void invalidUtf8TemplateInFolderIsReported() throws IOException {
        writeLatin1("latin1.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n"
                + "  Q:\n    Type: AWS::SQS::Queue\n    Properties: {QueueName: caf\u00e9}\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("latin1.yaml:5:32:SL0001"), places(result.findings()));
        assertEquals(List.of(), result.skipped());
    }

    @Test
    void invalidUtf8UnrelatedYamlIsSkippedQuietly() throws IOException {
        writeLatin1("notes.yaml", "title: caf\u00e9\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of(), result.findings());
        assertEquals(List.of("notes.yaml"), result.skipped());
    }

    @Test
    void sharedDuplicateCaseReportsBothFiles() {
        AnalysisResult result = analyze(sharedCase("017-duplicate-logical-ids"));

        assertEquals(List.of("template.json:14:9:SL0004", "template.yaml:23:3:SL0004"),
                places(result.findings()));
        assertEquals(12, result.findings().get(0).related().get(0).span().line());
        assertEquals(5, result.findings().get(1).related().get(0).span().line());
    }

    @Test
    void sharedTrailingCommaCaseWarnsAtEachComma() {
        AnalysisResult result = analyze(sharedCase("018-json-trailing-comma"));

        assertEquals(List.of(19, 22), result.findings().stream()
                .map(f -> f.span().line()).toList());
        assertTrue(result.findings().stream().allMatch(f -> f.ruleId().equals("SL0005")));
    }

    @Test
    void sharedBomCaseLoadsCleanly() {
        AnalysisResult result = analyze(sharedCase("019-bom-crlf-line-numbers"));

        assertEquals(List.of(), result.findings());
        assertEquals(2, result.files().size());
    }

    @Test
    void serverlessFilesAreAnalyzedAndReported() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n  Runtime: x\n"
                + "resources:\n  Resources:\n    A: {Type: AWS::SQS::Queue}\n"
                + "    B: {Type: AWS::SQS::Queue}\n    C: {Type: AWS::SQS::Queue}\n");
        write("serverless.ts", "export default {};\n");
        write("other.yml", "service: gcp\nprovider:\n  name: google\n");

        AnalysisResult result = analyze(folder);
        AnalysisResult limited = analyzer.analyze(AnalyzerConfig.builder().path(folder)
                .baseDirectory(folder).threads(1)
                .limits(new LoadLimits(1_000_000, 200, 2_000, 2_000_000, 2)).build());

        assertEquals(List.of("other.yml:3:3:SL0013", "serverless.ts:1:1:SL0012",
                "serverless.yml:4:3:SL0011"), places(result.findings()));
        assertEquals(List.of("other.yml:3:3:SL0013", "serverless.ts:1:1:SL0012",
                "serverless.yml:6:3:SL0001"), places(limited.findings()));
        assertEquals(3, result.files().size());
    }

    @Test
    void serviceInclude_isAnalyzedOnlyWithItsService() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n"
                + "resources: ${file(./resources.yml)}\n");
        write("resources.yml", "Resources:\n  Orders:\n    Properties: {}\n"
                + "  Jobs:\n    Type: AWS::SQS::Queue\n");

        AnalysisResult folderScan = analyze(folder);
        AnalysisResult alone = analyzer.analyze(AnalyzerConfig.builder()
                .path(folder.resolve("resources.yml")).baseDirectory(folder).threads(1).build());

        assertEquals(List.of("resources.yml:2:3:SL0002"), places(folderScan.findings()));
        assertEquals(List.of("serverless.yml", "resources.yml"), displayPaths(folderScan));
        assertEquals(List.of("resources.yml:2:3:SL0002"), places(alone.findings()));
        assertEquals(List.of("resources.yml"), displayPaths(alone));
    }

    @Test
    void serviceIncludingItself_isReported() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n"
                + "custom: ${file(./serverless.yml)}\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("serverless.yml"), displayPaths(result));
        assertEquals(List.of("serverless.yml:4:9:SL0009"), places(result.findings()));
        assertTrue(result.findings().get(0).message().contains("refers back to itself"),
                result.findings().get(0).message());
    }

    @Test
    void serviceIncludingItselfThroughFile_isReported() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n"
                + "custom: ${file(./custom.yml)}\n");
        write("custom.yml", "again: ${file(./serverless.yml)}\n");

        AnalysisResult result = analyze(folder);

        assertEquals(List.of("serverless.yml", "custom.yml"), displayPaths(result));
        assertEquals(List.of("serverless.yml:4:9:SL0009"), places(result.findings()));
    }

    @Test
    void localApplicationTemplate_isAnalyzedToo() throws IOException {
        Files.createDirectory(folder.resolve("nested"));
        write("nested/app.yaml", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n"
                + "  Jobs:\n    Type: AWS::SQS::Queue\n");
        write("template.yaml", "Transform: AWS::Serverless-2016-10-31\nResources:\n"
                + "  Shared:\n    Type: AWS::Serverless::Application\n    Properties:\n"
                + "      Location: nested/app.yaml\n");

        AnalysisResult result = analyzer.analyze(AnalyzerConfig.builder()
                .path(folder.resolve("template.yaml")).baseDirectory(folder).threads(1).build());

        assertEquals(List.of("nested/app.yaml:4:3:SL0004"), places(result.findings()));
        assertEquals(2, result.files().size(), "the nested template is analyzed once");
    }

    @Test
    void applicationOutsideProject_isNotRead() throws IOException {
        Path project = Files.createDirectory(folder.resolve("project"));
        write("outside.yaml", "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n");
        Files.writeString(project.resolve("template.yaml"), "Transform:"
                + " AWS::Serverless-2016-10-31\nResources:\n  Shared:\n"
                + "    Type: AWS::Serverless::Application\n    Properties:\n"
                + "      Location: ../outside.yaml\n");

        AnalysisResult result = analyzer.analyze(AnalyzerConfig.builder()
                .path(project).baseDirectory(project).threads(1).build());

        assertEquals(List.of("template.yaml:6:7:SL0002"), places(result.findings()));
        assertTrue(result.findings().get(0).message().contains("leaves the project folder"));
        assertEquals(1, result.files().size());
    }

    private AnalysisResult analyze(Path path) {
        return analyzer.analyze(AnalyzerConfig.builder().path(path).baseDirectory(path)
                .threads(1).build());
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text);
    }

    private void writeLatin1(String name, String text) throws IOException {
        Files.write(folder.resolve(name), text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static List<String> displayPaths(AnalysisResult result) {
        return result.files().stream().map(file -> file.displayPath()).toList();
    }

    private static List<String> places(List<Finding> findings) {
        return findings.stream().map(f -> f.file().displayPath() + ":" + f.span().line() + ":"
                + f.span().column() + ":" + f.ruleId()).toList();
    }

    private static Path sharedCase(String name) {
        String shared = System.getProperty("slens.shared.dir", "");
        Path folder = Path.of(shared.isBlank() ? "." : shared, "cases", name);
        assumeTrue(!shared.isBlank() && Files.isDirectory(folder),
                "set slens.shared.dir to a folder with cases/" + name + " to run this test");
        return folder;
    }
}
