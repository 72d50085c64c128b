package dev.slens.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of {@code .slens.yml}, shipped in the jar, and its validator. The schema is
 * loaded from the class path on first use and never fetched from the network.
 */
public final class ConfigSchema {

    /** Class path resource of the schema; {@code docs/slens-config.schema.json} is a copy. */
    public static final String RESOURCE = "/dev/slens/config/slens-config.schema.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigSchema() {
    }

    /** Returns the schema text as shipped. */
    public static String text() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the configuration schema " + RESOURCE
                        + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
    }

    /** Returns the schema as a JSON tree. */
    static JsonNode tree() {
        return Holder.TREE;
    }

    /** Returns the violations of {@code document}, in the validator's order. */
    static List<Error> validate(JsonNode document) {
        return new ArrayList<>(Holder.SCHEMA.validate(document));
    }

    /** Loads the schema on first use, so scans without a configuration file never pay for it. */
    private static final class Holder {
        private static final JsonNode TREE;
        private static final Schema SCHEMA;

        static {
            String text = text();
            try {
                TREE = MAPPER.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("the configuration schema is not valid JSON", e);
            }
            String id = TREE.path("$id").asText();
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                    SpecificationVersion.DRAFT_7,
                    builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false))
                            .schemas(Map.of(id, text)));
            SCHEMA = registry.getSchema(SchemaLocation.of(id));
        }
    }
}
