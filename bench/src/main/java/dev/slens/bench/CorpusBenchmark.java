package dev.slens.bench;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times {@link Analyzer#analyze} on the whole shared corpus folder, file reading and the
 * folder walk included, with one thread and with two. Set the folder with
 * {@code -p corpus=PATH}; without it the benchmark fails at setup, so exclude it with
 * {@code -e CorpusBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorpusBenchmark {

    @Param("../shared/corpus")
    public String corpus;

    @Param({"1", "2"})
    public int threads;

    private final Analyzer analyzer = Analyzer.withRegisteredRules();
    private AnalyzerConfig config;

    @Setup
    public void prepare() {
        Path folder = Path.of(corpus).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("corpus folder not found: '" + folder + "'; set it"
                    + " with -p corpus=PATH or exclude this benchmark with -e CorpusBenchmark");
        }
        config = AnalyzerConfig.builder().path(folder).baseDirectory(folder)
                .today(LocalDate.of(2026, 12, 4)).threads(threads).build();
    }

    @Benchmark
    public AnalysisResult analyzeCorpus() {
        return analyzer.analyze(config);
    }
}
