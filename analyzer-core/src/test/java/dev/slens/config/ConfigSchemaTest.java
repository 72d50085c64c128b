package dev.slens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    /** The copy that the documentation links, relative to this module's folder. */
    private static final Path PUBLISHED = Path.of("../docs/slens-config.schema.json");

    @Test
    void publishedCopy_matchesShippedSchema() throws IOException {
        assumeTrue(Files.isRegularFile(PUBLISHED), "not run from the source tree");

        assertEquals(ConfigSchema.text(), Files.readString(PUBLISHED),
                "docs/slens-config.schema.json differs from the schema in the jar; copy "
                        + "analyzer-core/src/main/resources" + ConfigSchema.RESOURCE);
    }
}
