package dev.slens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates logs against the OASIS SARIF 2.1.0 schema (draft-04) with format assertions on, so
 * that {@code uri} and {@code uri-reference} values are checked. The schema comes from the
 * folder in the {@code slens.shared.dir} system property; without it nothing is validated.
 * Other modules' tests use this class through the analyzer-core test jar.
 */
public final class SarifSchemaCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Schema SCHEMA = load();

    private SarifSchemaCheck() {
    }

    /** Returns whether the schema was found, so that validation takes place. */
    public static boolean isAvailable() {
        return SCHEMA != null;
    }

    /** Returns the schema errors of {@code log}; none when the schema is not available. */
    public static List<String> errors(JsonNode log) {
        return SCHEMA == null ? List.of()
                : SCHEMA.validate(log).stream().map(Object::toString).toList();
    }

    /** Throws an {@link AssertionError} that lists the schema errors of {@code log}, if any. */
    public static void assertValid(JsonNode log) {
        List<String> errors = errors(log);
        if (!errors.isEmpty()) {
            throw new AssertionError("SARIF log violates the 2.1.0 schema: " + errors);
        }
    }

    /** Parses {@code text} and checks it like {@link #assertValid(JsonNode)}, then returns it. */
    public static JsonNode assertValid(String text) {
        try {
            JsonNode log = MAPPER.readTree(text);
            assertValid(log);
            return log;
        } catch (IOException e) {
            throw new AssertionError("SARIF log is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static Schema load() {
        Path file = sharedDirectory().resolve("schemas/sarif-2.1.0.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file);
            String id = MAPPER.readTree(text).path("id").asText();
            SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build();
            // The schema is served from memory under its own ID, and remote fetching is off, so
            // validation never goes to the network.
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_4,
                    builder -> builder.schemaRegistryConfig(config)
                            .schemaLoader(loader -> loader.fetchRemoteResources(false))
                            .schemas(Map.of(id, text)));
            return registry.getSchema(SchemaLocation.of(id));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the SARIF schema " + file, e);
        }
    }

    private static Path sharedDirectory() {
        String configured = System.getProperty("slens.shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path root = Files.isDirectory(workingDirectory.resolve("analyzer-core"))
                ? workingDirectory : workingDirectory.getParent();
        return root.resolveSibling("shared");
    }
}
