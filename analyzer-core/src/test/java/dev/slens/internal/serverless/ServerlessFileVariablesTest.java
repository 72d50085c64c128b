package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.model.Node;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${file()}} variables that name a folder or code, which slens cannot read as data. */
class ServerlessFileVariablesTest {

    @TempDir
    Path folder;

    @Test
    void folderIsReportedAtItsLine() throws IOException {
        Files.createDirectories(folder.resolve("conf"));
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                custom: ${file(./conf)}
                functions:
                  hello:
                    handler: hello.handler
                """);
        List<Finding> findings = outcome.findings();
        assertEquals(List.of("SL0008"), outcome.findingIds());
        assertEquals(5, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("it is a folder, not a file"),
                findings.get(0).message());
    }

    @Test
    void codeFileGivesNoteAndUnknownValue() {
        ServerlessTesting.write(folder, "cfg.js", "module.exports = { memory: 512 };\n");
        ServerlessTesting.write(folder, "settings.json", "{\"memory\": 256}\n");
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                  memorySize: ${file(./cfg.js):memory}
                  timeout: ${file(./settings.json):memory}
                functions:
                  hello:
                    handler: hello.handler
                """);
        assertEquals(List.of("SL0020"), outcome.findingIds());
        Finding note = outcome.findings().get(0);
        assertEquals(5, note.span().line());
        assertTrue(note.message().contains("slens does not run code"), note.message());
        Node memory = outcome.resource("HelloLambdaFunction").property("MemorySize");
        assertEquals(null, memory.text());
        assertEquals("256",
                outcome.resource("HelloLambdaFunction").property("Timeout").text());
    }
}
