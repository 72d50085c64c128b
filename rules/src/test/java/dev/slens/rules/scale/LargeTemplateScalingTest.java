package dev.slens.rules.scale;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.engine.RuleRegistry;
import dev.slens.index.TemplateIndex;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Template;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Checks that indexing a template and running every rule on it grows about linearly with the
 * template's size. It compares the CPU time of one template with that of one eight times as
 * large in the same run, so machine speed cancels out. Linear growth gives a ratio near 8 and
 * quadratic growth near 64, so the bound of 24 leaves room for noise and still catches a rule
 * that compares every resource with every other.
 *
 * <p>It measures time, so it is a benchmark, not part of {@code mvn verify}: run it with
 * {@code -Dslens.scale.check=true} (see docs/performance.md).
 */
@EnabledIfSystemProperty(named = "slens.scale.check", matches = "true")
class LargeTemplateScalingTest {

    private static final int SMALL = 300;
    private static final int FACTOR = 8;
    private static final double MAX_RATIO = 24;
    private static final int RUNS = 3;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<Rule> RULES =
            RuleRegistry.load(LargeTemplateScalingTest.class.getClassLoader()).rules();
    private static final TemplateLoader LOADER = new TemplateLoader(LoadLimits.DEFAULT);

    @ParameterizedTest
    @EnumSource(value = TemplateShapes.class, names = {"SQS_EVENTS", "IAM_ROLES", "NAMED_QUEUES",
        "STATE_MACHINES", "SERVERLESS_FUNCTIONS"})
    void rulesGrowLinearly(TemplateShapes shape) {
        Template small = load(shape, SMALL);
        Template large = load(shape, SMALL * FACTOR);
        analysisNanos(small);

        double ratio = (double) fastest(large) / Math.max(1, fastest(small));

        assertTrue(ratio < MAX_RATIO, shape + ": " + FACTOR + " times the resources took "
                + String.format("%.1f", ratio) + " times the CPU time, more than "
                + MAX_RATIO + "; some rule or index lookup scans all resources per resource");
    }

    private static long fastest(Template template) {
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            fastest = Math.min(fastest, analysisNanos(template));
        }
        return fastest;
    }

    private static long analysisNanos(Template template) {
        long start = THREADS.getCurrentThreadCpuTime();
        TemplateIndex index = new TemplateIndex(template);
        for (Rule rule : RULES) {
            rule.check(new RuleContext(rule.metadata(), index, LocalDate.of(2026, 12, 5)));
        }
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    private static Template load(TemplateShapes shape, int resources) {
        Path file = Path.of(shape.fileName());
        LoadResult loaded = LOADER.parse(file, shape.fileName(), shape.template(resources));
        assertTrue(loaded.root() != null, shape + " did not parse: " + loaded.problems());
        return TemplateAssembler.assemble(loaded.file(), loaded.root(),
                FormatDetector.detect(loaded.root())).template();
    }
}
