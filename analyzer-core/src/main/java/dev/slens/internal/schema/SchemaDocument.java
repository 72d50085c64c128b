package dev.slens.internal.schema;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A compiled schema file.
 *
 * @param name the file name, for messages
 * @param id the {@code $id} of the file, or {@code null}
 * @param root the schema of the whole file
 * @param definitions the schemas under {@code definitions}, by name in file order
 */
public record SchemaDocument(String name, String id, NodeSchema root,
        Map<String, NodeSchema> definitions) {

    public SchemaDocument {
        definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
    }

    /**
     * Reads and compiles the class path resource {@code resource}, relative to {@code anchor}'s
     * package. The file is parsed as YAML even though it is JSON, because the YAML parser has
     * already been loaded to read the template, while the JSON parser might not have been.
     *
     * @throws IllegalStateException when the resource is missing, unreadable or not a schema
     *     that {@link SchemaReader} accepts
     */
    public static SchemaDocument load(Class<?> anchor, String resource) {
        String text;
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parseYaml(Path.of(resource), resource, text);
        if (loaded.root() == null || !loaded.problems().isEmpty()) {
            throw new IllegalStateException("schema " + resource + " is not a valid JSON"
                    + " object: " + loaded.problems());
        }
        try {
            return SchemaReader.read(resource, loaded.root());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("schema " + e.getMessage(), e);
        }
    }
}
