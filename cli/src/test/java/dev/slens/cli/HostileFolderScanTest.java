package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One folder contains a file for each kind of broken or hostile input beside a valid template. A
 * scan in a new JVM with the heap that {@code bin/slens} sets (1 GiB) reports each bad file once
 * with its line, still analyzes the valid template, exits with code 5 and writes a complete
 * report without leaving temporary files.
 */
class HostileFolderScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION = "AWSTemplateFormatVersion: '2010-09-09'\n";

    @TempDir
    Path folder;

    @Test
    void hostileFolder_reportsEachFileAndExitsFive() throws Exception {
        Path project = Files.createDirectory(folder.resolve("project"));
        writeHostileFiles(project);
        Path report = folder.resolve("report.json");

        CommandRun run = CommandRun.inNewJvm(List.of("-Xmx1g"), "scan", "--format", "json",
                "--output", report.toString(), "--today", "2026-12-04", "--base-dir",
                project.toString(), project.toString());

        assertEquals(5, run.exitCode(), run.describe());
        Map<String, List<String>> byFile = new TreeMap<>();
        for (JsonNode finding : JSON.readTree(report.toFile()).path("findings")) {
            String ruleId = finding.path("ruleId").asText();
            if (ruleId.startsWith("SL000") || ruleId.equals("SL1003")) {
                byFile.computeIfAbsent(finding.path("file").asText(), f -> new ArrayList<>())
                        .add(ruleId + ":" + finding.path("line").asInt());
            }
        }
        assertEquals(Map.of(
                "big.yaml", List.of("SL0001:1"),
                "broken.json", List.of("SL0001:3"),
                "deep.yaml", List.of("SL0001:3"),
                "latin1.yaml", List.of("SL0001:4"),
                "laughs.yaml", List.of("SL0001:9"),
                "many.yaml", List.of("SL0001:2"),
                "merge.yaml", List.of("SL0001:1416"),
                "recursive.yaml", List.of("SL0001:2"),
                "valid.yaml", List.of("SL1003:7")), byFile, run.describe());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(project, report), files.sorted().toList());
        }
    }

    private static void writeHostileFiles(Path project) throws IOException {
        write(project, "valid.yaml", VERSION + "Transform: AWS::Serverless-2016-10-31\n"
                + "Resources:\n  Worker:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: nodejs12.x\n      Handler: app.handler\n      CodeUri: src/\n");
        write(project, "broken.json", "{\"AWSTemplateFormatVersion\": \"2010-09-09\",\n"
                + "  \"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}\n"
                + "  \"Outputs\": {}\n}\n");
        Files.write(project.resolve("latin1.yaml"), (VERSION + "Resources:\n  Q:\n"
                + "    Type: AWS::SQS::Queue # caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        write(project, "deep.yaml", VERSION + "Resources:\n  Q: {Type: AWS::SQS::Queue,"
                + " Properties: {Tags: " + "[".repeat(10_000) + "]".repeat(10_000) + "}}\n");
        write(project, "recursive.yaml", VERSION + "Resources: &r\n  Q:\n"
                + "    Type: AWS::SQS::Queue\n    Properties: *r\n");
        StringBuilder laughs = new StringBuilder(VERSION + "Metadata:\n  a: &a [x, x, x, x, x,"
                + " x, x, x, x, x]\n");
        char previous = 'a';
        for (char name = 'b'; name <= 'j'; name++) {
            laughs.append("  ").append(name).append(": &").append(name).append(" [")
                    .append(String.join(", ", Collections.nCopies(10, "*" + previous)))
                    .append("]\n");
            previous = name;
        }
        write(project, "laughs.yaml", laughs.append("Resources:\n  Q: {Type: AWS::SQS::Queue,"
                + " Properties: {Tags: *j}}\n").toString());
        StringBuilder merge = new StringBuilder(VERSION + "Metadata:\n  m0: &m0 {k0: v}\n");
        for (int i = 1; i < 5_000; i++) {
            merge.append("  m").append(i).append(": &m").append(i).append(" {<<: *m")
                    .append(i - 1).append(", k").append(i).append(": v}\n");
        }
        write(project, "merge.yaml", merge.append("Resources:\n  Q: {Type: AWS::SQS::Queue,"
                + " Properties: *m4999}\n").toString());
        StringBuilder many = new StringBuilder(VERSION + "Resources:\n");
        for (int i = 0; i < 100_000; i++) {
            many.append("  Q").append(i).append(": {Type: AWS::SQS::Queue}\n");
        }
        write(project, "many.yaml", many.toString());
        try (Writer out = Files.newBufferedWriter(project.resolve("big.yaml"))) {
            out.write(VERSION + "Resources:\n");
            String padding = "x".repeat(40);
            for (int i = 0; i < 200_000; i++) {
                out.write("  Queue" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                        + "      QueueName: queue-" + i + "-" + padding + "\n");
            }
        }
    }

    private static void write(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
