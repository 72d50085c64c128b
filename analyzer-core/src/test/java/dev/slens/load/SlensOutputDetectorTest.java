package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlensOutputDetectorTest {

    @TempDir
    private Path folder;

    @Test
    void isSlensOutput_readsEachShape() throws IOException {
        Map<String, Boolean> expected = Map.of(
                "{\"version\": 1, \"fingerprint\": \"v1\", \"tool\": \"slens 0.1.0\","
                        + " \"findings\": []}", true,
                "{\"version\": 1, \"fingerprint\": \"v1\", \"tool\": \"other 1.0\","
                        + " \"findings\": []}", false,
                "{\"schemaVersion\": 1, \"tool\": {\"name\": \"slens\"}, \"findings\": []}",
                true,
                "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"slens\"}}}]}", true,
                "{\"runs\": [{\"tool\": {\"driver\": {\"name\": \"cfn-lint\"}}}]}", false,
                "[{\"check_name\": \"SL1004\", \"fingerprint\": \"ab\"}]", true,
                "[{\"check_name\": \"E3012\", \"fingerprint\": \"ab\"}]", false,
                "[]", false,
                "{\"name\": \"orders\", \"tool\": \"slens\"}", false);

        int index = 0;
        for (Map.Entry<String, Boolean> entry : expected.entrySet()) {
            Path file = Files.writeString(folder.resolve("file" + index++ + ".json"),
                    entry.getKey());
            LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, "file.json");

            assertEquals(entry.getValue(), SlensOutputDetector.isSlensOutput(loaded.document()),
                    entry.getKey());
        }
    }
}
