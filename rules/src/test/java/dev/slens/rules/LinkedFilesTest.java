package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every local path a template or service names is checked with its links resolved: a link
 * that leads out of the project folder gets an SL0002 or SL0010 finding and its target is never
 * read. The target outside contains a function on a retired runtime and a queue named
 * TOPSECRET, so any read of it shows as a finding in it or a message quoting it.
 */
class LinkedFilesTest {

    private static final Duration HANG = Duration.ofSeconds(60);
    private static final String SAM = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Transform: AWS::Serverless-2016-10-31\nResources:\n";
    private static final String OUTSIDE_TEMPLATE = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Resources:\n  Secret:\n    Type: AWS::SQS::Queue\n"
            + "    Properties: {QueueName: TOPSECRET}\n  Old:\n    Type: AWS::Lambda::Function\n"
            + "    Properties: {Runtime: python2.7, Handler: a.b, Role: r, Code: {ZipFile: x}}\n";

    private final Analyzer analyzer = Analyzer.withRegisteredRules();

    @TempDir
    Path root;

    private Path project;

    @BeforeEach
    void writeFolders() throws IOException {
        project = Files.createDirectory(root.resolve("proj"));
        Path outside = Files.createDirectory(root.resolve("outside"));
        Files.writeString(outside.resolve("leak.yaml"), OUTSIDE_TEMPLATE);
        Files.writeString(outside.resolve("vars.yml"), "name: TOPSECRET\n");
        Files.writeString(outside.resolve("code.py"), "TOPSECRET = 1\n");
        Files.createSymbolicLink(project.resolve("leak_link.yaml"),
                Path.of("../outside/leak.yaml"));
        Files.createSymbolicLink(project.resolve("vars.yml"), Path.of("../outside/vars.yml"));
        Files.createSymbolicLink(project.resolve("linkdir"), Path.of("../outside"));
    }

    @Test
    void applicationLocationLinkNotRead() throws IOException {
        write("app.yaml", SAM + "  App:\n    Type: AWS::Serverless::Application\n"
                + "    Properties: {Location: leak_link.yaml}\n"
                + "  Other:\n    Type: AWS::Serverless::Application\n"
                + "    Properties: {Location: linkdir/leak.yaml}\n");

        AnalysisResult result = analyze("app.yaml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0002");
        assertEquals(2, notes.size(), notes::toString);
        assertEquals("The nested template of application 'App' was not analyzed: 'leak_link.yaml'"
                + " is a link that leaves the project folder '" + project + "', so it was not"
                + " read.", notes.get(0).message());
        assertTrue(notes.get(1).message().contains("'linkdir/leak.yaml' is a link that leaves"),
                notes.get(1).message());
    }

    @Test
    void stackTemplateUrlLinkNotRead() throws IOException {
        write("stack.yaml", "Resources:\n  Stack:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: leak_link.yaml}\n"
                + "  Other:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: linkdir/leak.yaml}\n");

        AnalysisResult result = analyze("stack.yaml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0002");
        assertEquals(2, notes.size(), notes::toString);
        assertEquals("The nested template of stack 'Stack' was not analyzed: 'leak_link.yaml'"
                + " is a link that leaves the project folder '" + project + "', so it was not"
                + " read.", notes.get(0).message());
        assertEquals(4, notes.get(0).span().line());
        assertTrue(notes.get(1).message().contains("'linkdir/leak.yaml' is a link that leaves"),
                notes.get(1).message());
    }

    @Test
    void stackTemplateUrlOutsideOrRemote() throws IOException {
        String[] urls = {"../outside/leak.yaml", root.resolve("outside/leak.yaml").toString(),
            "sub/../../outside/leak.yaml", "file:///etc/passwd", "https://127.0.0.1:1/t.yaml",
            "{'Fn::Join': ['', ['../', outside/leak.yaml]]}", "!Sub '../outside/leak.yaml'",
            "missing.yaml"};
        StringBuilder template = new StringBuilder("Resources:\n");
        for (int i = 0; i < urls.length; i++) {
            template.append("  Stack").append(i).append(":\n")
                    .append("    Type: AWS::CloudFormation::Stack\n")
                    .append("    Properties:\n      TemplateURL: ").append(urls[i]).append('\n');
        }
        write("stacks.yaml", template.toString());

        AnalysisResult result = analyze("stacks.yaml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0002");
        assertEquals(urls.length, notes.size(), notes::toString);
        assertEquals("The nested template of stack 'Stack0' was not analyzed: "
                + "'../outside/leak.yaml' leaves the project folder, so it was not read.",
                notes.get(0).message());
        assertEquals("Stack 'Stack3' is deployed from a remote location, so its resources were"
                + " not analyzed.", notes.get(3).message());
        assertEquals("Stack 'Stack5' is deployed from a remote location, so its resources were"
                + " not analyzed.", notes.get(5).message());
        assertEquals("The nested template of stack 'Stack7' was not analyzed: 'missing.yaml' was"
                + " not found in the template's folder.", notes.get(7).message());
    }

    @Test
    void definitionUriLinkNotRead() throws IOException {
        write("api.yaml", SAM + "  Api:\n    Type: AWS::Serverless::Api\n"
                + "    Properties: {StageName: prod, DefinitionUri: linkdir/leak.yaml}\n");

        AnalysisResult result = analyze("api.yaml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0002");
        assertTrue(notes.stream().anyMatch(f -> f.message().contains(
                "'linkdir/leak.yaml' is a link that leaves the project folder")), notes::toString);
    }

    @Test
    void fileVariableLinkNotRead() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
                + "custom:\n  name: ${file(./vars.yml):name}\n"
                + "  other: ${file(./linkdir/vars.yml):name}\n");

        AnalysisResult result = analyze("serverless.yml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0010");
        assertEquals(2, notes.size(), notes::toString);
        assertTrue(notes.get(0).message().contains("which is outside the project folder"),
                notes.get(0).message());
    }

    @Test
    void codeUriLinkNotMeasured() throws IOException {
        write("code.yaml", SAM + "  Fn:\n    Type: AWS::Serverless::Function\n"
                + "    Properties: {Runtime: python3.12, Handler: code.handler,"
                + " CodeUri: linkdir/}\n");

        AnalysisResult result = analyze("code.yaml");

        assertNothingReadOutside(result);
        List<Finding> notes = notes(result, "SL0002");
        assertTrue(notes.stream().anyMatch(f -> f.message().contains("'linkdir/' of function"
                + " 'Fn' is a link that leaves the project folder")), notes::toString);
    }

    private AnalysisResult analyze(String name) {
        AnalyzerConfig config = AnalyzerConfig.builder().paths(List.of(project.resolve(name)))
                .baseDirectory(project).today(LocalDate.of(2026, 12, 4)).threads(1).build();
        return assertTimeoutPreemptively(HANG, () -> analyzer.analyze(config));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(project.resolve(name), text, StandardCharsets.UTF_8);
    }

    private void assertNothingReadOutside(AnalysisResult result) {
        for (Finding finding : result.findings()) {
            assertTrue(finding.file().path().toAbsolutePath().startsWith(project),
                    () -> "finding in a file outside the project: " + finding);
            assertTrue(!finding.message().contains("TOPSECRET"),
                    () -> "finding quotes the outside file: " + finding);
        }
        result.files().forEach(file -> assertTrue(file.path().toAbsolutePath()
                .startsWith(project), () -> "analyzed outside the project: " + file.path()));
    }

    private static List<Finding> notes(AnalysisResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
