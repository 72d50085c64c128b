package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slens.engine.Engine;
import dev.slens.engine.RuleRegistry;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Fuzzes the whole engine, SAM expansion and every registered rule, with YAML templates. A rule
 * that throws becomes an SL0003 finding, so the fuzz test fails on any SL0003. The seed inputs
 * in {@code src/test/resources/dev/slens/rules/EngineFuzzTestInputs} cover each rule.
 */
class EngineFuzzTest {

    private static final TemplateLoader LOADER =
            new TemplateLoader(new LoadLimits(64 * 1024, 30, 100, 10_000, 200));
    private static final Engine ENGINE = new Engine(
            RuleRegistry.load(EngineFuzzTest.class.getClassLoader()).rules(),
            LocalDate.of(2026, 12, 4));

    @FuzzTest(maxDuration = "60s")
    void analyze(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        LoadResult loaded = LOADER.parse(Path.of("template.yaml"), "template.yaml", text);
        if (loaded.root() == null) {
            return;
        }
        TemplateFormat format = FormatDetector.detect(loaded.root());
        if (format != TemplateFormat.SAM && format != TemplateFormat.CLOUDFORMATION) {
            return;
        }
        TemplateAssembler.Assembled assembled =
                TemplateAssembler.assemble(loaded.file(), loaded.root(), format);
        List<Finding> findings = ENGINE.run(assembled.template(), assembled.problems());
        List<String> failures = findings.stream().filter(f -> f.ruleId().equals("SL0003"))
                .map(Finding::message).toList();
        assertEquals(List.of(), failures);
    }
}
