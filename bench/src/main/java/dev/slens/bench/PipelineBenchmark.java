package dev.slens.bench;

import dev.slens.engine.Engine;
import dev.slens.engine.RuleRegistry;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.rule.Finding;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times the stages of analyzing one template held in memory, after JIT warm-up: parsing the
 * YAML into a tree, SAM expansion, the rules with suppressions, and the three together.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PipelineBenchmark {

    private final Engine engine = new Engine(
            RuleRegistry.load(PipelineBenchmark.class.getClassLoader()).rules(),
            LocalDate.of(2026, 12, 4));

    @Benchmark
    public LoadResult load(TemplateInput input) {
        return input.loader.parse(input.path, "template.yaml", input.text);
    }

    @Benchmark
    public TemplateAssembler.Assembled expand(TemplateInput input) {
        return TemplateAssembler.assemble(input.loaded.file(), input.loaded.root(), input.format);
    }

    @Benchmark
    public List<Finding> rules(TemplateInput input) {
        return engine.run(input.assembled);
    }

    @Benchmark
    public List<Finding> pipeline(TemplateInput input) {
        LoadResult loaded = input.loader.parse(input.path, "template.yaml", input.text);
        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), FormatDetector.detect(loaded.root()));
        return engine.run(assembled.template(), assembled.problems());
    }
}
