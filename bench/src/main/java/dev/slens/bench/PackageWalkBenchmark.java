package dev.slens.bench;

import dev.slens.index.PackageMeasurement;
import dev.slens.internal.packages.PackageMeter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Times the measuring of a local deployment package: a folder of 10,000 files of 1 KB in 100
 * subfolders, walked with and without Serverless Framework patterns, and compressed into a byte
 * counter to find its zipped size. The folder is created in the temporary folder and deleted
 * afterwards.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PackageWalkBenchmark {

    private static final int FOLDERS = 100;
    private static final int FILES_PER_FOLDER = 100;
    private static final List<String> PATTERNS = List.of("!.git/**", "!serverless.yml",
            "!**/*.md", "src/README.md");

    private Path project;
    private PackageMeter meter;
    private PackageMeasurement whole;

    @Setup(Level.Trial)
    public void createFolder() throws IOException {
        project = Files.createTempDirectory("slens-package-bench");
        byte[] content = new byte[1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        for (int folder = 0; folder < FOLDERS; folder++) {
            Path dir = Files.createDirectories(project.resolve("src/module" + folder));
            for (int file = 0; file < FILES_PER_FOLDER; file++) {
                Files.write(dir.resolve("file" + file + ".js"), content);
            }
        }
        meter = new PackageMeter(project, 100_000);
        whole = meter.measure(project, "src", List.of());
        if (whole.files() != FOLDERS * FILES_PER_FOLDER) {
            throw new IllegalStateException("expected 10000 files, counted " + whole.files());
        }
    }

    @TearDown(Level.Trial)
    public void deleteFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(project)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Benchmark
    public PackageMeasurement walk() {
        return meter.measure(project, "src", List.of());
    }

    @Benchmark
    public PackageMeasurement walkWithPatterns() {
        return meter.measure(project, ".", PATTERNS);
    }

    @Benchmark
    public long zippedSize() throws IOException {
        return meter.zippedBytes(whole, List.of());
    }
}
