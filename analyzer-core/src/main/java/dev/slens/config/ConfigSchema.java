package dev.slens.config;

import dev.slens.internal.schema.NodeSchema;
import dev.slens.internal.schema.SchemaDocument;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.model.Node;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JSON Schema of {@code .slens.yml}, shipped in the jar, and its validator. The schema is
 * loaded from the class path on first use and never fetched from the network.
 */
public final class ConfigSchema {

    /** Class path resource of the schema; {@code docs/slens-config.schema.json} is a copy. */
    public static final String RESOURCE = "/dev/slens/config/slens-config.schema.json";

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

    /** Returns the compiled schema of the whole file. */
    static NodeSchema schema() {
        return Holder.SCHEMA;
    }

    /** Returns the violations of {@code document}, in the validator's order. */
    static List<SchemaViolation> validate(Node document) {
        return Holder.SCHEMA.validate(document);
    }

    /** Loads the schema on first use, so scans without a configuration file never pay for it. */
    private static final class Holder {
        private static final NodeSchema SCHEMA =
                SchemaDocument.load(ConfigSchema.class, RESOURCE).root();
    }
}
