package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ExpandCommandTest {

    private static final String SAM = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  Tracing: Active
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
              Jobs:
                Type: AWS::SQS::Queue
                Metadata:
                  Owner: team-a
            """;

    @TempDir
    Path folder;

    @Test
    void samTemplate_printsExpandedResourcesWithSource() throws IOException {
        Path file = write("template.yaml", SAM);

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertFalse(root.has("Transform"), "the SAM transform is consumed");
        JsonNode resources = root.get("Resources");
        assertEquals("AWS::Lambda::Function", resources.at("/Orders/Type").asText());
        assertEquals("Active", resources.at("/Orders/Properties/TracingConfig/Mode").asText());
        assertEquals("OrdersRole", resources.at("/Orders/Properties/Role/Fn::GetAtt/0").asText());
        assertEquals(4, resources.at("/Orders/Metadata/slens:source/line").asInt());
        assertEquals(file.toString(), resources.at("/Orders/Metadata/slens:source/file").asText());
        JsonNode mapping = resources.get("OrdersQueue");
        assertEquals("AWS::Lambda::EventSourceMapping", mapping.get("Type").asText());
        assertEquals(11, mapping.at("/Metadata/slens:source/line").asInt());
        assertEquals("Orders", mapping.at("/Metadata/slens:generatedFrom").asText());
        assertEquals("Jobs", mapping.at("/Properties/EventSourceArn/Fn::GetAtt/0").asText());
        assertEquals("team-a", resources.at("/Jobs/Metadata/Owner").asText());
        assertEquals(15, resources.at("/Jobs/Metadata/slens:source/line").asInt());
        assertEquals("", run.err());
    }

    @Test
    void numbersAndBooleans_keepTheirJsonType() throws IOException {
        Path file = write("template.yaml", """
                Resources:
                  Jobs:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 60
                      FifoQueue: true
                      QueueName: '60'
                """);

        CommandRun run = CommandRun.of("expand", file.toString());

        JsonNode properties = new ObjectMapper().readTree(run.out())
                .at("/Resources/Jobs/Properties");
        assertTrue(properties.get("VisibilityTimeout").isInt(), run.describe());
        assertTrue(properties.get("FifoQueue").isBoolean(), run.describe());
        assertTrue(properties.get("QueueName").isTextual(), run.describe());
    }

    @Test
    void unparseableFile_exitsWithFiveAndNamesLine() throws IOException {
        Path file = write("broken.yaml", "Resources:\n  Jobs: [unclosed\n");

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("error: " + file + ":"), run.describe());
        assertTrue(run.err().contains("SL0001 The file cannot be parsed"), run.describe());
    }

    @Test
    void emptyFile_printsParseError() throws IOException {
        for (String text : new String[] {"", "# only a comment\n"}) {
            Path file = write("empty.yaml", text);

            CommandRun run = CommandRun.of("expand", file.toString());

            assertEquals(5, run.exitCode(), run.describe());
            assertEquals("", run.out());
            assertEquals("error: " + file + ":1: SL0001 The file cannot be parsed: it is empty"
                    + " or contains only comments, so it has no template.", run.err().strip(),
                    run.describe());
        }
    }

    @Test
    void topLevelList_printsParseError() throws IOException {
        Path file = write("list.yaml", "# resources\n- a\n- b\n");

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertEquals("error: " + file + ":2: SL0001 The file cannot be parsed: the top level is"
                + " a list, but a template is a mapping of sections such as Resources.",
                run.err().strip(), run.describe());
    }

    @Test
    void missingFile_isUsageError() {
        CommandRun run = CommandRun.of("expand", folder.resolve("absent.yaml").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: file not found: '"), run.describe());
    }

    @Test
    void folder_isUsageError() {
        CommandRun run = CommandRun.of("expand", folder.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: not a file: '"), run.describe());
    }

    @Test
    void notTemplate_isUsageError() throws IOException {
        Path file = write("config.yaml", "name: demo\nitems: [1, 2]\n");

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("is neither a SAM nor a CloudFormation template nor a"),
                run.describe());
    }

    @Test
    void expansionProblem_printedAsWarning() throws IOException {
        Path file = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Policies:
                        - NoSuchPolicy: {}
                """);

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("warning: " + file + ":8: SL0002 "), run.describe());
    }

    @Test
    void serverlessFile_printsDerivedResources() throws IOException {
        Path file = write("serverless.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: python3.12
                functions:
                  worker:
                    handler: app.handler
                """);

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(0, run.exitCode(), run.describe());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertFalse(root.has("provider"), "serverless.yml sections are not CloudFormation");
        JsonNode resources = root.get("Resources");
        assertTrue(resources.size() > 0, run.describe());
        assertTrue(resources.fields().next().getValue().at("/Metadata/slens:source/line")
                .asInt() > 0, run.describe());
    }

    @Test
    void noArgument_isUsageError() {
        CommandRun run = CommandRun.of("expand");

        assertEquals(2, run.exitCode(), run.describe());
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void serverlessService_resolvedWithStage() throws IOException {
        Path file = write("serverless.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: python3.12
                  memorySize: ${self:custom.memory.${sls:stage}, 512}
                custom:
                  memory:
                    prod: 2048
                functions:
                  create:
                    handler: app.create
                """);

        CommandRun dev = CommandRun.of("expand", file.toString());
        CommandRun prod = CommandRun.of("expand", file.toString(), "--stage", "prod");

        assertEquals(0, dev.exitCode(), dev.describe());
        JsonNode function = new ObjectMapper().readTree(dev.out())
                .at("/Resources/CreateLambdaFunction");
        assertEquals("AWS::Lambda::Function", function.get("Type").asText());
        assertEquals(512, function.at("/Properties/MemorySize").asInt());
        assertEquals("orders-dev-create", function.at("/Properties/FunctionName").asText());
        assertEquals(10, function.at("/Metadata/slens:source/line").asInt());
        JsonNode prodFunction = new ObjectMapper().readTree(prod.out())
                .at("/Resources/CreateLambdaFunction");
        assertEquals(2048, prodFunction.at("/Properties/MemorySize").asInt());
        assertEquals("orders-prod-create", prodFunction.at("/Properties/FunctionName").asText());
    }

    @Test
    void serverlessService_takesStageFromConfigFile() throws IOException {
        Path file = write("serverless.yml", """
                service: orders
                provider:
                  name: aws
                  runtime: python3.12
                  region: ${opt:region, 'eu-west-1'}
                functions:
                  create:
                    handler: app.create
                    environment:
                      REGION: ${aws:region}
                """);
        write(".slens.yml", """
                serverless:
                  stage: prod
                  region: eu-central-1
                """);

        CommandRun configured = CommandRun.of("expand", file.toString());
        CommandRun overridden = CommandRun.of("expand", file.toString(), "--stage", "test");

        assertEquals(0, configured.exitCode(), configured.describe());
        JsonNode function = new ObjectMapper().readTree(configured.out())
                .at("/Resources/CreateLambdaFunction/Properties");
        assertEquals("orders-prod-create", function.at("/FunctionName").asText());
        assertEquals("eu-central-1", function.at("/Environment/Variables/REGION").asText());
        JsonNode testFunction = new ObjectMapper().readTree(overridden.out())
                .at("/Resources/CreateLambdaFunction/Properties");
        assertEquals("orders-test-create", testFunction.at("/FunctionName").asText());
    }

    @Test
    void configFileMistake_isUsageError() throws IOException {
        Path file = write("serverless.yml", """
                service: orders
                provider:
                  name: aws
                """);
        write(".slens.yml", """
                serverless:
                  stage: [prod]
                """);

        CommandRun run = CommandRun.of("expand", file.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains(".slens.yml"), run.describe());
    }

    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hugeExponent_isPrintedAsWritten() throws IOException {
        Path template = Files.writeString(folder.resolve("numbers.yaml"), """
                Resources:
                  Worker:
                    Type: AWS::Lambda::Function
                    Properties:
                      Description: 1e999999
                      MemorySize: 1e99999999
                      Timeout: 30
                """);

        CommandRun run = CommandRun.of("expand", template.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().length() < 2_000, () -> "length " + run.out().length());
        JsonNode properties = new ObjectMapper().readTree(run.out()).path("Resources")
                .path("Worker").path("Properties");
        assertTrue(run.out().contains("\"Description\" : 1e999999"), run.out());
        assertTrue(run.out().contains("\"MemorySize\" : 1e99999999"), run.out());
        assertEquals(30, properties.path("Timeout").asInt(), run.out());
    }

    @Test
    void outOfMemory_isOneLine() throws IOException, InterruptedException {
        StringBuilder yaml = new StringBuilder("Resources:\n  Worker:\n"
                + "    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Environment:\n        Variables:\n          V0: &s \"")
                .append("A".repeat(50_000)).append("\"\n");
        for (int i = 1; i < 320; i++) {
            yaml.append("          V").append(i).append(": *s\n");
        }
        Path template = Files.writeString(folder.resolve("bomb.yaml"), yaml);

        CommandRun run = CommandRun.inNewJvm(java.util.List.of("-Xmx32m"), "expand",
                template.toString());

        assertEquals(5, run.exitCode(), run.describe());
        assertTrue(run.err().contains("ran out of memory"), run.describe());
        assertFalse(run.err().contains("\tat "), run.describe());
        assertEquals(1, run.err().strip().lines().count(), run.describe());
    }
}
