package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * Named pipes that a template or service names as a local file. Opening a pipe blocks until a
 * writer appears, so each one must be reported as not a regular file and never opened. A hang
 * fails the test at the timeout.
 */
class NamedPipePathsTest {

    private static final Duration HANG = Duration.ofSeconds(30);
    private static final String PIPE = "is not a regular file but a named pipe, socket or device";
    private static final String SAM = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Transform: AWS::Serverless-2016-10-31\nResources:\n";

    private final Analyzer analyzer = Analyzer.withRegisteredRules();

    @TempDir
    Path folder;

    @BeforeEach
    void makePipes() throws IOException, InterruptedException {
        for (String name : List.of("code.zip", "fifo.yml", "api.yaml", "nested.yaml")) {
            Path pipe = folder.resolve(name);
            Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
            assumeTrue(mkfifo.waitFor() == 0 && Files.exists(pipe), "mkfifo is not available");
        }
        Files.createSymbolicLink(folder.resolve("pipe_link.zip"), Path.of("code.zip"));
    }

    @Test
    void codeUriPipeNotOpened() throws IOException {
        write("t.yaml", SAM + "  Fn:\n    Type: AWS::Serverless::Function\n"
                + "    Properties: {Runtime: python3.12, Handler: a.h, CodeUri: ./code.zip}\n"
                + "  Linked:\n    Type: AWS::Serverless::Function\n"
                + "    Properties: {Runtime: python3.12, Handler: a.h, CodeUri: pipe_link.zip}\n");

        List<Finding> notes = notes(analyze("t.yaml"), "SL0002");

        assertEquals(2, notes.size(), notes::toString);
        assertEquals("The deployment package './code.zip' of function 'Fn' " + PIPE + ", so slens"
                + " did not read it and did not check its size. Point it at a folder, a zip file"
                + " or a regular file.", notes.get(0).message());
        assertTrue(notes.get(1).message().contains("'pipe_link.zip' of function 'Linked' " + PIPE),
                notes.get(1).message());
    }

    @Test
    void fileVariablePipeNotOpened() throws IOException {
        write("serverless.yml", "service: svc\nprovider:\n  name: aws\n  runtime: nodejs20.x\n"
                + "custom:\n  name: ${file(./fifo.yml):name}\n");

        List<Finding> notes = notes(analyze("serverless.yml"), "SL0008");

        assertEquals(1, notes.size(), notes::toString);
        assertTrue(notes.get(0).message().endsWith("which cannot be used: it " + PIPE + "."),
                notes.get(0).message());
    }

    @Test
    void locationAndDefinitionPipesNotOpened() throws IOException {
        write("t.yaml", SAM + "  App:\n    Type: AWS::Serverless::Application\n"
                + "    Properties: {Location: nested.yaml}\n"
                + "  Api:\n    Type: AWS::Serverless::Api\n"
                + "    Properties: {StageName: prod, DefinitionUri: api.yaml}\n"
                + "  Stack:\n    Type: AWS::CloudFormation::Stack\n"
                + "    Properties: {TemplateURL: nested.yaml}\n");

        List<Finding> notes = notes(analyze("t.yaml"), "SL0002");

        for (String named : List.of("'nested.yaml' " + PIPE, "'api.yaml' " + PIPE)) {
            assertTrue(notes.stream().anyMatch(f -> f.message().contains(named)),
                    () -> named + " in " + notes);
        }
        assertTrue(notes.stream().anyMatch(f -> "Stack".equals(f.logicalId())
                && f.message().contains(PIPE)), notes::toString);
    }

    private AnalysisResult analyze(String name) {
        AnalyzerConfig config = AnalyzerConfig.builder().paths(List.of(folder.resolve(name)))
                .baseDirectory(folder).today(LocalDate.of(2026, 12, 4)).threads(1).build();
        return assertTimeoutPreemptively(HANG, () -> analyzer.analyze(config));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<Finding> notes(AnalysisResult result, String ruleId) {
        return result.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
