package dev.slens.bench;

import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One template in memory, and the results of each stage before the one measured, so that each
 * benchmark times a single stage. {@code orders-app} is the example application (200 lines of
 * SAM), and a number is a template from {@link LargeTemplates#resources(int)}.
 */
@State(Scope.Benchmark)
public class TemplateInput {

    private static final String EXAMPLE = "fixtures/projects/orders-app/template.yaml";

    @Param({"orders-app", "500", "1000", "2000", "5000"})
    public String template;

    final TemplateLoader loader = new TemplateLoader(LoadLimits.DEFAULT);
    final Path path = Path.of("template.yaml");
    String text;
    LoadResult loaded;
    TemplateFormat format;
    Template assembled;

    @Setup
    public void prepare() {
        text = template.equals("orders-app") ? example()
                : LargeTemplates.resources(Integer.parseInt(template));
        loaded = loader.parse(path, "template.yaml", text);
        if (loaded.root() == null) {
            throw new IllegalStateException("template " + template + " did not load: "
                    + loaded.problems());
        }
        format = FormatDetector.detect(loaded.root());
        assembled = TemplateAssembler.assemble(loaded.file(), loaded.root(), format).template();
    }

    private static String example() {
        try (InputStream in = TemplateInput.class.getClassLoader().getResourceAsStream(EXAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(EXAMPLE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
