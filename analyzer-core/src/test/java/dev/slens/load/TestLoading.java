package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slens.model.MapNode;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/** Loads test templates from strings or from {@code src/test/resources/load} for core tests. */
public final class TestLoading {

    private static final TemplateLoader LOADER = new TemplateLoader(LoadLimits.DEFAULT);

    private TestLoading() {
    }

    /** Parses {@code text} as if read from a file called {@code name}. */
    public static LoadResult parse(String name, String text) {
        return LOADER.parse(Path.of(name), name, text);
    }

    /** Reads {@code load/<name>} from the test class path through the loader's file path. */
    public static LoadResult resource(String name) {
        return LOADER.load(resourcePath(name), name);
    }

    /** Reads {@code file} with the default limits. */
    public static LoadResult load(Path file) {
        return LOADER.load(file, file.getFileName().toString());
    }

    /** Returns the file of {@code load/<name>} on the test class path. */
    public static Path resourcePath(String name) {
        URL url = TestLoading.class.getResource("/load/" + name);
        assertNotNull(url, "test resource load/" + name);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("invalid test resource URL " + url, e);
        }
    }

    /** Returns the root of a text that must load without an SL0001 finding. */
    public static MapNode root(String name, String text) {
        LoadResult result = parse(name, text);
        assertNotNull(result.root(), () -> "root of " + name + ": " + result.problems());
        return result.root();
    }

    /** Loads, detects and assembles {@code text} into a template. */
    public static Template template(String name, String text) {
        return assemble(parse(name, text)).template();
    }

    /** Detects the format of a loaded file and assembles it. */
    public static TemplateAssembler.Assembled assemble(LoadResult result) {
        assertNotNull(result.root(), () -> "root of " + result.file().displayPath() + ": "
                + result.problems());
        TemplateFormat format = FormatDetector.detect(result.root());
        return TemplateAssembler.assemble(result.file(), result.root(), format);
    }

    /** Returns the findings of {@code ruleId} in {@code findings}. */
    public static List<Finding> findings(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Asserts that {@code span} starts at {@code line} and {@code column}. */
    public static void assertStartsAt(int line, int column, SourceSpan span) {
        assertEquals(line, span.line(), () -> "line of " + span);
        assertEquals(column, span.column(), () -> "column of " + span);
    }
}
