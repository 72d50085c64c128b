package dev.slens.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.rule.Finding;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the YAML and JSON loaders with arbitrary bytes. Whatever the input, loading returns a
 * result, never throws, and every problem points inside the file. {@code mvn verify} replays the
 * seed inputs in {@code src/test/resources/dev/slens/fuzz/LoaderFuzzTestInputs}; docs/fuzzing.md
 * describes how to fuzz for new inputs.
 */
class LoaderFuzzTest {

    /** Small limits, so that the fuzzer reaches them with short inputs. */
    private static final LoadLimits LIMITS = new LoadLimits(64 * 1024, 20, 50, 5_000, 100);
    private static final TemplateLoader LOADER = new TemplateLoader(LIMITS);

    @FuzzTest(maxDuration = "60s")
    void yaml(byte[] input) throws Exception {
        check(input, "template.yaml");
    }

    @FuzzTest(maxDuration = "60s")
    void json(byte[] input) throws Exception {
        check(input, "template.json");
    }

    /** Loads through the file path, which also decodes UTF-8 and applies the size limit. */
    private static void check(byte[] input, String name) throws Exception {
        Path folder = Files.createTempDirectory("slens-fuzz");
        Path file = folder.resolve(name);
        try {
            Files.write(file, input);
            LoadResult result = LOADER.load(file, name);
            assertNotNull(result.file());
            for (Finding problem : result.problems()) {
                FuzzChecks.assertInside(result.file(), problem);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(folder);
        }
    }
}
