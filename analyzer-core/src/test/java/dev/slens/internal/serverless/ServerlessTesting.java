package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a service file into a folder and expands it, for the Serverless Framework tests. */
final class ServerlessTesting {

    private ServerlessTesting() {
    }

    /** The outcome of expanding one test file. */
    record Outcome(ServerlessExpander.Expanded expanded, List<Finding> findings) {

        Resource resource(String logicalId) {
            Resource found = expanded.resources().stream()
                    .filter(r -> r.logicalId().equals(logicalId)).findFirst().orElse(null);
            assertNotNull(found, () -> "resource " + logicalId + " among " + ids());
            return found;
        }

        boolean has(String logicalId) {
            return ids().contains(logicalId);
        }

        List<String> ids() {
            return expanded.resources().stream().map(Resource::logicalId).toList();
        }

        List<String> findingIds() {
            return findings.stream().map(Finding::ruleId).toList();
        }

        /** Returns the resolved node at a dotted path of the service file. */
        Node resolved(String path) {
            Node current = expanded.resolved();
            for (String key : path.split("\\.")) {
                current = current.asMap() != null ? current.asMap().get(key)
                        : current.asList().get(Integer.parseInt(key));
                assertNotNull(current, "resolved path " + path);
            }
            return current;
        }
    }

    static Outcome expand(Path folder, String yaml) {
        return expand(folder, yaml, ServerlessOptions.DEFAULT);
    }

    static Outcome expand(Path folder, String yaml, ServerlessOptions options) {
        return expand(folder, yaml, options, LoadLimits.DEFAULT);
    }

    static Outcome expand(Path folder, String yaml, ServerlessOptions options,
            LoadLimits limits) {
        Path file = write(folder, "serverless.yml", yaml);
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, "serverless.yml");
        assertNotNull(loaded.root(), () -> "root: " + loaded.problems());
        List<Finding> findings = new ArrayList<>();
        ServerlessExpander.Expanded expanded = ServerlessExpander.expand(loaded.file(),
                loaded.root(), options, limits, findings);
        return new Outcome(expanded, findings);
    }

    static Path write(Path folder, String name, String text) {
        try {
            Path file = folder.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
