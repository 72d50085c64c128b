package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.internal.io.FileReads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan where some files fail to open with {@link AccessDeniedException}, as files without read
 * permission do. Tests run as root in CI, and root can read such files, so the failure comes
 * from a {@link FileReads.ReadCheck} instead: a template, a file a serverless.yml includes
 * through {@code ${file()}}, a nested template and a deployment package. Each file the user
 * wrote as a template gives one SL0001 on its line 1 stating that it cannot be read, the other
 * files are still analyzed, and the scan exits with code 5.
 */
class UnreadableFilesScanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAM = "AWSTemplateFormatVersion: '2010-09-09'\n"
            + "Transform: AWS::Serverless-2016-10-31\n";
    private static final String DENIED = "The file cannot be read: permission denied. Make it"
            + " readable for the user that runs slens, or exclude it from the scan.";

    @TempDir
    Path folder;

    private final Set<Path> checked = ConcurrentHashMap.newKeySet();

    @AfterEach
    void allowReads() {
        FileReads.allowAll();
    }

    @Test
    void deniedFiles_reportedWhileOthersAnalyzed() throws IOException {
        Path project = Files.createDirectory(folder.resolve("project"));
        Set<Path> denied = writeProject(project);
        FileReads.install(path -> {
            Path absolute = path.toAbsolutePath().normalize();
            checked.add(absolute);
            if (denied.contains(absolute)) {
                throw new AccessDeniedException(path.toString());
            }
        });
        Path report = folder.resolve("report.json");

        CommandRun run = CommandRun.of("scan", "--format", "json", "--output",
                report.toString(), "--as-of", "2026-12-04", "--base-dir", project.toString(),
                project.toString());

        assertEquals(5, run.exitCode(), run.err());
        Map<String, List<String>> byFile = new TreeMap<>();
        List<String> parseErrors = new ArrayList<>();
        List<String> notAnalyzed = new ArrayList<>();
        for (JsonNode finding : JSON.readTree(report.toFile()).path("findings")) {
            String ruleId = finding.path("ruleId").asText();
            if (ruleId.startsWith("SL000") || ruleId.equals("SL1003")) {
                byFile.computeIfAbsent(finding.path("file").asText(), f -> new ArrayList<>())
                        .add(ruleId + ":" + finding.path("line").asInt());
            }
            if (ruleId.equals("SL0001")) {
                parseErrors.add(finding.path("message").asText());
            } else if (ruleId.equals("SL0002")) {
                notAnalyzed.add(finding.path("message").asText());
            }
        }
        assertEquals(Map.of(
                "locked.yaml", List.of("SL0001:1"),
                "nested/child.yaml", List.of("SL0001:1"),
                "parent.yaml", List.of("SL0002:7"),
                "service/vars.yml", List.of("SL0001:1"),
                "valid.yaml", List.of("SL1003:7"),
                "packaged.yaml", List.of("SL1003:7")), byFile, run.err());
        assertEquals(List.of(DENIED, DENIED, DENIED), parseErrors);
        assertEquals(List.of("The nested template of application 'Child' was not analyzed:"
                + " 'nested/child.yaml' cannot be read: permission denied. Make it readable for"
                + " the user that runs slens, or exclude it from the scan."), notAnalyzed);
        assertTrue(checked.contains(project.resolve("packaged/code.zip")),
                "the package was never opened: " + checked);
    }

    /** Writes the project and returns the absolute paths of the files that cannot be read. */
    private static Set<Path> writeProject(Path project) throws IOException {
        write(project, "valid.yaml", SAM + "Resources:\n  Worker:\n"
                + "    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: nodejs12.x\n      Handler: app.handler\n"
                + "      InlineCode: 'exports.handler = async () => {};'\n");
        write(project, "locked.yaml", SAM + "Resources:\n  Locked:\n"
                + "    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: nodejs12.x\n      Handler: app.handler\n"
                + "      InlineCode: 'exports.handler = async () => {};'\n");

        write(project, "parent.yaml", SAM + "Resources:\n  Child:\n"
                + "    Type: AWS::Serverless::Application\n"
                + "    Properties:\n      Location: nested/child.yaml\n");
        Files.createDirectory(project.resolve("nested"));
        write(project, "nested/child.yaml", SAM + "Resources:\n  Queue:\n"
                + "    Type: AWS::SQS::Queue\n");

        Files.createDirectory(project.resolve("service"));
        write(project, "service/serverless.yml", "service: orders\nprovider:\n  name: aws\n"
                + "  runtime: python3.12\ncustom: ${file(./vars.yml)}\nfunctions:\n"
                + "  hello:\n    handler: app.handler\n");
        write(project, "service/vars.yml", "table: orders\n");

        write(project, "packaged.yaml", SAM + "Resources:\n  Packaged:\n"
                + "    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: nodejs12.x\n      Handler: app.handler\n"
                + "      CodeUri: packaged/code.zip\n");
        Files.createDirectory(project.resolve("packaged"));
        try (OutputStream file = Files.newOutputStream(project.resolve("packaged/code.zip"));
                ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("app.js"));
            zip.write("exports.handler = async () => {};\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }

        return Set.of(project.resolve("locked.yaml"), project.resolve("nested/child.yaml"),
                project.resolve("service/vars.yml"), project.resolve("packaged/code.zip"));
    }

    private static void write(Path folder, String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
