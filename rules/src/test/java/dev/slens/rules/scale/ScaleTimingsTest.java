package dev.slens.rules.scale;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.engine.RuleRegistry;
import dev.slens.index.TemplateIndex;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints the CPU time of loading, indexing and each rule for every {@link TemplateShapes} shape
 * at the sizes in system property {@code slens.scale.sizes} (resources, comma-separated), such
 * as {@code -Dslens.scale.sizes=1000,2000,4000,8000}. It asserts nothing about time, and it is
 * skipped unless the property is set. CPU time of the test thread is measured, so a loaded
 * machine slows it less than wall-clock time, but garbage collection on other threads is left
 * out.
 */
class ScaleTimingsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path folder;

    @Test
    void printTimings() throws Exception {
        String sizes = System.getProperty("slens.scale.sizes", "");
        assumeTrue(!sizes.isBlank(), "set -Dslens.scale.sizes to print timings");
        String only = System.getProperty("slens.scale.shapes", "");
        List<Rule> rules = RuleRegistry.load(getClass().getClassLoader()).rules();
        TemplateLoader loader = new TemplateLoader(LoadLimits.DEFAULT);
        for (TemplateShapes shape : TemplateShapes.values()) {
            if (!only.isBlank() && !Arrays.asList(only.split(",")).contains(shape.name())) {
                continue;
            }
            measure(shape, 200, rules, loader);
            for (String size : sizes.split(",")) {
                System.out.println(measure(shape, Integer.parseInt(size.trim()), rules, loader));
            }
        }
    }

    private String measure(TemplateShapes shape, int resources, List<Rule> rules,
            TemplateLoader loader) throws Exception {
        Path file = Files.createDirectories(folder.resolve(shape.name() + resources))
                .resolve(shape.fileName());
        Files.writeString(file, shape.template(resources));

        long start = THREADS.getCurrentThreadCpuTime();
        LoadResult loaded = loader.load(file, file.getFileName().toString());
        assertNotNull(loaded.root(), shape + " did not parse: " + loaded.problems());
        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), FormatDetector.detect(loaded.root()));
        long loadedAt = THREADS.getCurrentThreadCpuTime();
        TemplateIndex index = new TemplateIndex(assembled.template(), folder);
        long indexedAt = THREADS.getCurrentThreadCpuTime();

        Map<String, Long> ruleTimes = new java.util.HashMap<>();
        for (Rule rule : rules) {
            long before = THREADS.getCurrentThreadCpuTime();
            rule.check(new RuleContext(rule.metadata(), index, LocalDate.of(2026, 12, 5)));
            ruleTimes.put(rule.metadata().id(), THREADS.getCurrentThreadCpuTime() - before);
        }
        long rulesTotal = ruleTimes.values().stream().mapToLong(Long::longValue).sum();
        List<Map.Entry<String, Long>> slowest = new ArrayList<>(ruleTimes.entrySet());
        slowest.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));

        StringBuilder line = new StringBuilder(String.format("%-20s %6d written %6d expanded"
                        + "  load %6d ms  index %6d ms  rules %6d ms  slowest:", shape,
                resources, assembled.template().resources().size(), (loadedAt - start) / 1_000_000,
                (indexedAt - loadedAt) / 1_000_000, rulesTotal / 1_000_000));
        for (Map.Entry<String, Long> entry : slowest.subList(0, 3)) {
            line.append(' ').append(entry.getKey()).append('=')
                    .append(entry.getValue() / 1_000_000);
        }
        return line.toString();
    }
}
