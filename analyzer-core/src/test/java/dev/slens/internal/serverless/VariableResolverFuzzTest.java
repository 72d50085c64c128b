package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slens.fuzz.FuzzChecks;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes the Serverless Framework variable resolver: the input is a service file, resolved in a
 * project folder that also contains two files for {@code ${file()}} to read. Resolving must never
 * throw, must return a mapping, must report every problem inside the file it names, and must
 * give the same findings when run twice. The seed inputs in
 * {@code src/test/resources/dev/slens/internal/serverless/VariableResolverFuzzTestInputs} use
 * every variable source.
 */
class VariableResolverFuzzTest {

    /** Small limits, so that the fuzzer reaches them with short inputs. */
    private static final LoadLimits LIMITS = new LoadLimits(64 * 1024, 30, 100, 10_000, 200);
    private static final TemplateLoader LOADER = new TemplateLoader(LIMITS);
    private static final ServerlessOptions OPTIONS =
            new ServerlessOptions("prod", null, Map.of("HOME_REGION", "eu-west-1"));
    private static final Path FOLDER = projectFolder();

    @FuzzTest(maxDuration = "60s")
    void resolve(byte[] input) throws IOException {
        Path file = FOLDER.resolve("serverless.yml");
        Files.write(file, input);
        LoadResult loaded = LOADER.load(file, "serverless.yml");
        if (loaded.root() == null) {
            return;
        }
        List<Finding> first = resolveOnce(loaded);
        List<Finding> second = resolveOnce(loaded);
        for (Finding finding : first) {
            FuzzChecks.assertInside(finding.file(), finding);
        }
        assertEquals(messages(first), messages(second), "findings differ between two runs");
    }

    private static List<Finding> resolveOnce(LoadResult loaded) {
        List<Finding> findings = new ArrayList<>();
        ServerlessProblems problems = new ServerlessProblems(loaded.file(), findings);
        FileIncludes includes = new FileIncludes(loaded.file(), LIMITS);
        MapNode resolved = new VariableResolver(loaded.root(), OPTIONS, LIMITS, includes, problems)
                .resolveRoot();
        assertNotNull(resolved, "no resolved root");
        return findings;
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream()
                .map(finding -> finding.ruleId() + " " + finding.span() + " " + finding.message())
                .toList();
    }

    /** Creates the project folder once per JVM, with the files the seed inputs include. */
    private static Path projectFolder() {
        try {
            Path folder = Files.createTempDirectory("slens-resolver-fuzz");
            folder.toFile().deleteOnExit();
            Path config = folder.resolve("config.yml");
            Files.writeString(config, """
                    memory: 512
                    prod:
                      timeout: 30
                      name: ${self:service}-prod
                    list: [a, b, ${opt:stage}]
                    loop: ${file(./config.yml):loop}
                    """);
            config.toFile().deleteOnExit();
            Path json = folder.resolve("values.json");
            Files.writeString(json, "{\"size\": 3, \"nested\": {\"key\": \"${sls:stage}\"}}");
            json.toFile().deleteOnExit();
            folder.resolve("serverless.yml").toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
