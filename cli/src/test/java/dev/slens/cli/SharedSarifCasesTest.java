package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.slens.fixtures.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real command on inputs that broke SARIF consumers and checks the log against the
 * SARIF 2.1.0 schema with format assertions on. Needs the shared folder, which holds the cases
 * and the schema; the tests are skipped without it.
 */
class SharedSarifCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of(System.getProperty("slens.shared.dir", "../shared"));

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        Path file = SHARED.resolve("schemas/sarif-2.1.0.json");
        assumeTrue(Files.isRegularFile(file), "the shared SARIF schema is not present");
        String text = Files.readString(file);
        String id = JSON.readTree(text).path("id").asText();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                builder -> builder.schemaRegistryConfig(config)
                        .schemaLoader(loader -> loader.fetchRemoteResources(false))
                        .schemas(Map.of(id, text)));
        schema = registry.getSchema(SchemaLocation.of(id));
    }

    @Test
    void specialCharactersInFileNamesAreEncoded() throws IOException {
        Path folder = sharedCase("005-sarif-uri-special-characters");
        JsonNode log = scan(folder, folder.toString());

        assertEquals(List.of(), validate(log));
        Set<String> timeoutUris = new TreeSet<>();
        for (JsonNode result : log.at("/runs/0/results")) {
            JsonNode location = result.at("/locations/0/physicalLocation");
            if (result.path("ruleId").asText().equals("SL1002")) {
                timeoutUris.add(location.at("/artifactLocation/uri").asText());
                assertEquals(5, location.at("/region/startLine").asInt());
            }
        }
        assertEquals(Set.of("legacy%20stack%20%232.yaml", "template.yaml"), timeoutUris);
        for (JsonNode artifact : log.at("/runs/0/artifacts")) {
            String uri = artifact.at("/location/uri").asText();
            assertFalse(uri.contains(" ") || uri.contains("#") || uri.startsWith("file:"), uri);
        }
    }

    @Test
    void nonAsciiTextSurvivesBomAndCrlf() throws IOException {
        Path folder = sharedCase("019-bom-crlf-line-numbers");
        JsonNode log = scan(folder, folder.resolve("template.yaml").toString());

        assertEquals(List.of(), validate(log));
        String text = JSON.writeValueAsString(log);
        assertFalse(text.contains("\\r"), "no carriage return in messages or snippets");
        assertFalse(text.contains("\\uFEFF") || text.contains("\uFEFF"), "no byte order mark");
        List<Integer> timeoutLines = new ArrayList<>();
        for (JsonNode result : log.at("/runs/0/results")) {
            if (result.path("ruleId").asText().equals("SL1002")) {
                timeoutLines.add(result.at("/locations/0/physicalLocation/region/startLine")
                        .asInt());
            }
        }
        assertEquals(List.of(7), timeoutLines);
    }

    @Test
    void exampleApplicationLogIsValid() throws IOException {
        Path project = Fixtures.project("orders-app");
        JsonNode log = scan(project, project.toString());

        assertEquals(List.of(), validate(log));
        assertTrue(log.at("/runs/0/results").size() > 0, "the example has findings");
    }

    private static JsonNode scan(Path baseDirectory, String path) throws IOException {
        CommandRun run = CommandRun.of("scan", path, "--format", "sarif", "--base-dir",
                baseDirectory.toString(), "--today", "2026-12-04");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 4, run.describe());
        return JSON.readTree(run.out());
    }

    private static List<String> validate(JsonNode log) {
        return schema.validate(log).stream().map(Object::toString).toList();
    }

    private static Path sharedCase(String name) {
        Path folder = SHARED.resolve("cases").resolve(name);
        assumeTrue(Files.isDirectory(folder), "the shared cases are not present");
        return folder;
    }
}
