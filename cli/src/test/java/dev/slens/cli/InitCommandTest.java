package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.Analyzer;
import dev.slens.config.ConfigLoader;
import dev.slens.config.ConfigSchema;
import dev.slens.config.ProjectConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

    @TempDir
    Path folder;

    @Test
    void init_writesValidConfigAndSchema() throws IOException {
        CommandRun run = CommandRun.of("init", folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        Path config = folder.resolve(".slens.yml");
        String text = Files.readString(config);
        assertTrue(text.startsWith("# yaml-language-server: $schema=.slens.schema.json\n"), text);
        assertEquals(ConfigSchema.text(), Files.readString(folder.resolve(".slens.schema.json")));
        ProjectConfig loaded = new ConfigLoader(Analyzer.withRegisteredRules().registry()
                .metadata()).load(config, ".slens.yml");
        assertEquals("error", loaded.failOn());
        assertEquals(Boolean.TRUE, loaded.reasonRequired());
    }

    @Test
    void init_mentionsEveryTopLevelKey() throws IOException {
        CommandRun.of("init", folder.toString());
        String text = Files.readString(folder.resolve(".slens.yml"));
        JsonNode schema = new ObjectMapper().readTree(ConfigSchema.text());

        Iterator<String> keys = schema.path("properties").fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            assertTrue(text.contains(key + ":"), "starter file lacks '" + key + "'");
        }
    }

    @Test
    void init_rejectsExistingFileWithoutForce() throws IOException {
        Files.writeString(folder.resolve(".slens.yml"), "fail-on: none\n");

        CommandRun refused = CommandRun.of("init", folder.toString());
        String kept = Files.readString(folder.resolve(".slens.yml"));
        CommandRun forced = CommandRun.of("init", folder.toString(), "--force");

        assertEquals(2, refused.exitCode(), refused.describe());
        assertTrue(refused.err().contains("already exists; give --force to replace it"),
                refused.describe());
        assertEquals("fail-on: none\n", kept);
        assertEquals(0, forced.exitCode(), forced.describe());
        assertTrue(Files.readString(folder.resolve(".slens.yml")).contains("fail-on: error"));
    }

    @Test
    void init_missingFolderExitsTwo() {
        CommandRun run = CommandRun.of("init", folder.resolve("absent").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: folder not found: "), run.describe());
    }

    @Test
    void init_fileInsteadOfFolderSaysSo() throws IOException {
        Path file = Files.writeString(folder.resolve("afile"), "text");

        CommandRun run = CommandRun.of("init", file.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: '" + file + "' is a file; name the project"
                + " folder"), run.describe());
    }
}
