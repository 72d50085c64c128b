package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serverless.yml that reads parts of itself from other files through {@code ${file()}}
 * variables, analyzed with the registered rules: findings on included nodes name the included
 * file and the line there.
 */
class ServerlessIncludesTest {

    private static final String SERVICE = """
            service: orders
            provider:
              name: aws
              runtime: nodejs22.x
              tracing:
                lambda: true
              logRetentionInDays: 14
            custom:
              sizes: ${file(./config/sizes.yml)}
            functions: ${file(./functions.yml)}
            resources: ${file(./resources.yml)}
            """;
    private static final String FUNCTIONS = """
            worker:
              handler: index.handler
              timeout: ${self:custom.sizes.timeout}
              events:
                - sqs:
                    arn: !GetAtt Jobs.Arn
                    functionResponseType: ReportBatchItemFailures
            """;
    private static final String SIZES = """
            memory: 512
            timeout: 900
            """;
    private static final String RESOURCES = """
            Resources:
              Jobs:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 30
            """;

    private static final String STEP_FUNCTIONS_SERVICE = """
            service: flows
            plugins:
              - serverless-step-functions
            provider:
              name: aws
              runtime: nodejs22.x
            functions:
              work:
                handler: index.handler
                timeout: 60
            stepFunctions:
              stateMachines:
                main:
                  definition: ${file(./DEFINITION)}
            """;
    private static final String DEFINITION_YAML = """
            StartAt: Work
            States:
              Work:
                Type: Task
                Resource:
                  Fn::GetAtt: [work, Arn]
                TimeoutSeconds: 5
                Next: Done
              Done:
                Type: Succeed
              Lost:
                Type: Pass
                End: true
            """;
    private static final String DEFINITION_JSON = """
            {
              "StartAt": "Work",
              "States": {
                "Work": {"Type": "Task", "Resource": {"Fn::GetAtt": ["work", "Arn"]},
                  "End": true}
              }
            }
            """;

    /** A day on which the service's runtime is supported, so SL1003 stays quiet. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private final Analyzer analyzer = Analyzer.withRegisteredRules();

    @TempDir
    Path folder;

    @Test
    void findingsOnIncludedNodes_nameIncludedFileAndLine() throws IOException {
        writeService("app/");

        List<String> places = places(analyze(folder.resolve("app/serverless.yml")));

        // The function key is on line 1 of functions.yml, its timeout on line 2 of sizes.yml.
        assertTrue(places.contains("app/functions.yml:1:1:SL1067"), places::toString);
        assertTrue(places.contains("app/config/sizes.yml:2:10:SL1061"), places::toString);
        assertTrue(places.contains("app/resources.yml:2:3:SL6001"), places::toString);
        assertTrue(places.contains("app/resources.yml:5:26:SL6020"), places::toString);
    }

    @Test
    void noFinding_pointsAtIncludeLines() throws IOException {
        writeService("");

        List<String> places = places(analyze(folder.resolve("serverless.yml")));

        // Lines 9 to 11 of the service file hold the three ${file()} variables.
        for (int line = 9; line <= 11; line++) {
            String prefix = "serverless.yml:" + line + ":";
            assertEquals(List.of(), places.stream().filter(p -> p.startsWith(prefix)).toList());
        }
    }

    @Test
    void folderScan_reportsIncludedResourcesOnce() throws IOException {
        writeService("");

        List<String> places = places(analyze(folder));

        assertEquals(1, places.stream().filter("resources.yml:2:3:SL6001"::equals).count(),
                places::toString);
    }

    @Test
    void includedFinding_carriesItsFileInSpan() throws IOException {
        writeService("");

        Finding finding = analyze(folder.resolve("serverless.yml")).findings().stream()
                .filter(f -> f.ruleId().equals("SL1061")).findFirst().orElseThrow();

        assertEquals("config/sizes.yml", finding.span().file().displayPath());
        assertEquals("timeout: 900", finding.file().line(finding.span().line()));
    }

    @Test
    void stateMachineFindings_nameIncludedDefinitionFile() throws IOException {
        for (String definition : List.of("sf/main.yml", "sf/main.json")) {
            write("serverless.yml", STEP_FUNCTIONS_SERVICE.replace("DEFINITION", definition));
            write("sf/main.yml", DEFINITION_YAML);
            write("sf/main.json", DEFINITION_JSON);

            List<String> places = places(analyze(folder.resolve("serverless.yml")));

            // State 'Work' is at 3:3 of the YAML file and at 4:5 of the JSON one.
            String work = definition.endsWith(".yml") ? ":3:3:" : ":4:5:";
            assertTrue(places.contains(definition + work + "SL5012"), places::toString);
            if (definition.endsWith(".yml")) {
                assertTrue(places.contains("sf/main.yml:11:3:SL5004"), places::toString);
                assertTrue(places.contains("sf/main.yml:7:21:SL5013"), places::toString);
            }
            assertEquals(List.of(), places.stream().filter(p -> p.startsWith("serverless.yml:")
                    && p.matches(".*:SL50(0[3-9]|1[0-9])$")).toList());
        }
    }

    private void writeService(String prefix) throws IOException {
        write(prefix + "serverless.yml", SERVICE);
        write(prefix + "functions.yml", FUNCTIONS);
        write(prefix + "config/sizes.yml", SIZES);
        write(prefix + "resources.yml", RESOURCES);
    }

    private AnalysisResult analyze(Path file) {
        return analyzer.analyze(AnalyzerConfig.builder().path(file).baseDirectory(folder)
                .today(TODAY).threads(1).build());
    }

    private void write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> places(AnalysisResult result) {
        return result.findings().stream().map(f -> f.file().displayPath() + ":"
                + f.span().line() + ":" + f.span().column() + ":" + f.ruleId()).toList();
    }
}
