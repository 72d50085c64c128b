package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.load.LoadLimits;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans the largest inputs that slens accepts, and one just over each limit, in a new JVM with
 * the JVM options of {@code bin/slens}, read from the launcher itself. The folder contains four
 * templates. One has exactly the maximum file size, and a SAM template has exactly the maximum
 * number of resources (functions with SQS events, which SAM expansion adds to). The other two
 * have one resource more and one byte over the size limit. The two large templates are analyzed
 * in full, each file over a limit gets its SL0001, and nothing runs out of memory.
 *
 * <p>Set {@code slens.largest.keep} to a folder path to write the inputs there and keep them,
 * for measuring a scan of them with {@code /usr/bin/time -v bin/slens scan FOLDER}.
 */
class LargestInputsScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADER = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
    private static final String SAM_HEADER = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Transform: AWS::Serverless-2016-10-31\nResources:\n";
    private static final long MAX_BYTES = LoadLimits.DEFAULT.maxFileBytes();
    private static final int MAX_RESOURCES = LoadLimits.DEFAULT.maxResources();
    /** Functions in the template at the resource limit, each with a queue and its DLQ. */
    private static final int FUNCTIONS = MAX_RESOURCES / 3;
    /** Queues in the template at the size limit, each padded to fill it. */
    private static final int PADDED_QUEUES = 10_000;
    private static final long TIMEOUT_MINUTES = 10;

    @TempDir
    Path temp;

    @Test
    void largestInputs_analyzedWithLauncherHeap() throws Exception {
        String keep = System.getProperty("slens.largest.keep", "");
        Path project = keep.isBlank() ? Files.createDirectory(temp.resolve("project"))
                : Files.createDirectories(Path.of(keep));
        writeInputs(project);
        assertEquals(MAX_BYTES, Files.size(project.resolve("at-size-limit.yaml")));
        assertEquals(MAX_BYTES + 1, Files.size(project.resolve("over-size-limit.yaml")));
        Path report = temp.resolve("report.json");

        Run run = scan(launcherOptions(), project, report);

        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        assertEquals(5, run.exitCode(), run.err());
        Map<String, Integer> deadLetterFindings = new TreeMap<>();
        Set<String> functionsReported = new HashSet<>();
        Map<String, List<String>> parseErrors = new TreeMap<>();
        for (JsonNode finding : JSON.readTree(report.toFile()).path("findings")) {
            String file = finding.path("file").asText();
            String ruleId = finding.path("ruleId").asText();
            String logicalId = finding.path("logicalId").asText();
            if (file.equals("at-resource-limit.yaml") && logicalId.matches("Fn[0-9]+")) {
                functionsReported.add(logicalId);
            }
            if (ruleId.equals("SL6001")) {
                deadLetterFindings.merge(file, 1, Integer::sum);
            } else if (ruleId.startsWith("SL000")) {
                parseErrors.computeIfAbsent(file, f -> new ArrayList<>()).add(ruleId + ":"
                        + finding.path("line").asInt() + ": " + finding.path("message").asText());
            }
        }
        assertEquals(Map.of("at-resource-limit.yaml", MAX_RESOURCES - 3 * FUNCTIONS,
                "at-size-limit.yaml", PADDED_QUEUES), deadLetterFindings);
        assertEquals(FUNCTIONS, functionsReported.size());
        assertEquals(Map.of(
                "over-resource-limit.yaml", List.of("SL0001:2: The template was not analyzed:"
                        + " Resources has 20001 entries, more than the limit of 20000."
                        + " CloudFormation accepts at most 500 resources in a stack, so split"
                        + " the template into nested stacks."),
                "over-size-limit.yaml", List.of("SL0001:1: The file cannot be parsed: file is"
                        + " 16777217 bytes, more than the limit of 16777216 bytes.")),
                parseErrors);
    }

    /**
     * Returns the JVM options of {@code bin/slens}: the lines of its {@code jvm_options} array,
     * without the quotes that the shell removes.
     */
    private static List<String> launcherOptions() throws IOException {
        Path launcher = Path.of("").toAbsolutePath().getParent().resolve("bin").resolve("slens");
        String script = Files.readString(launcher);
        Matcher block = Pattern.compile("\\njvm_options=\\(\\n(.*?)\\n\\)", Pattern.DOTALL)
                .matcher(script);
        assertTrue(block.find(), "no jvm_options array in " + launcher);
        List<String> options = new ArrayList<>();
        for (String line : block.group(1).split("\\n")) {
            options.add(line.strip().replace("\"", ""));
        }
        assertTrue(options.contains("-Xmx1g"), options.toString());
        return options;
    }

    private record Run(int exitCode, String err) { }

    private Run scan(List<String> jvmOptions, Path project, Path report) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "scan", "--format", "json", "--output", report.toString(),
                "--as-of", "2026-12-05", "--base-dir", project.toString(),
                project.toString()));
        Path err = temp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the scan did not finish within " + TIMEOUT_MINUTES
                    + " minutes");
        }
        return new Run(process.exitValue(), Files.readString(err));
    }

    private static void writeInputs(Path project) throws IOException {
        writeFunctions(project.resolve("at-resource-limit.yaml"));
        writeQueues(project.resolve("over-resource-limit.yaml"), MAX_RESOURCES + 1);
        writePadded(project.resolve("at-size-limit.yaml"), MAX_BYTES);
        writePadded(project.resolve("over-size-limit.yaml"), MAX_BYTES + 1);
    }

    /**
     * Writes {@link #FUNCTIONS} SAM functions, each with an SQS event on its own queue that has
     * a dead-letter queue, and then queues without one up to {@link #MAX_RESOURCES} resources.
     */
    private static void writeFunctions(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(SAM_HEADER);
            for (int i = 0; i < FUNCTIONS; i++) {
                out.write("  Fn" + i + ":\n    Type: AWS::Serverless::Function\n"
                        + "    Properties:\n      Runtime: python3.12\n"
                        + "      Handler: app.handler\n"
                        + "      InlineCode: 'def handler(event, context): return None'\n"
                        + "      Timeout: 10\n      Events:\n        Work:\n"
                        + "          Type: SQS\n          Properties:\n"
                        + "            Queue: !GetAtt Queue" + i + ".Arn\n"
                        + "  Queue" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                        + "      VisibilityTimeout: 60\n      RedrivePolicy:\n"
                        + "        deadLetterTargetArn: !GetAtt Dlq" + i + ".Arn\n"
                        + "        maxReceiveCount: 5\n"
                        + "  Dlq" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                        + "      MessageRetentionPeriod: 1209600\n");
            }
            for (int i = 3 * FUNCTIONS; i < MAX_RESOURCES; i++) {
                out.write(String.format("  Queue%05d: {Type: AWS::SQS::Queue}\n", i));
            }
        }
    }

    /** Writes {@code count} queues without a dead-letter queue, one line each. */
    private static void writeQueues(Path file, int count) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 0; i < count; i++) {
                out.write(String.format("  Queue%05d: {Type: AWS::SQS::Queue}\n", i));
            }
        }
    }

    /**
     * Writes {@link #PADDED_QUEUES} queues, each with a tag value long enough that the file
     * nearly reaches {@code bytes}, and then a comment line that makes it exactly that long.
     */
    private static void writePadded(Path file, long bytes) throws IOException {
        long perQueue = (bytes - HEADER.length() - 1024) / PADDED_QUEUES;
        String padding = "x".repeat((int) (perQueue - queue(0, "").length()));
        long written = HEADER.length();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            for (int i = 0; i < PADDED_QUEUES; i++) {
                String queue = queue(i, padding);
                out.write(queue);
                written += queue.length();
            }
            out.write("#" + "x".repeat((int) (bytes - written - 2)) + "\n");
        }
    }

    private static String queue(int index, String padding) {
        return String.format("  Queue%05d:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      Tags:\n        - Key: note\n          Value: '%s'\n", index, padding);
    }
}
