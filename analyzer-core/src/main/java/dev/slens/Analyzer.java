package dev.slens;

import dev.slens.engine.Engine;
import dev.slens.engine.FileCollector;
import dev.slens.engine.RuleRegistry;
import dev.slens.internal.sam.LocalFiles;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.SourceFile;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: finds the files under the configured paths, loads, expands and checks each,
 * and returns every finding. Files are analyzed in parallel; a file that fails to parse yields
 * an SL0001 finding and never hides the findings of the others.
 */
public final class Analyzer {

    private static final Logger LOG = LoggerFactory.getLogger(Analyzer.class);

    /** Orders findings by file, line, column and rule, so reports are stable. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.file().displayPath())
            .thenComparingInt(f -> f.span().line())
            .thenComparingInt(f -> f.span().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    /** The deepest chain of local nested templates that is followed. */
    private static final int MAX_NESTING = 5;

    private final RuleRegistry registry;

    public Analyzer(RuleRegistry registry) {
        this.registry = registry;
    }

    /** Creates an analyzer with the rules registered on the class path. */
    public static Analyzer withRegisteredRules() {
        return new Analyzer(RuleRegistry.load(Analyzer.class.getClassLoader()));
    }

    public RuleRegistry registry() {
        return registry;
    }

    /** Analyzes every file under the configured paths. */
    public AnalysisResult analyze(AnalyzerConfig config) {
        List<FileCollector.Candidate> candidates =
                new FileCollector(config.baseDirectory()).collect(config.paths());
        LOG.debug("Analyzing files: {}, rules: {}", candidates.size(), registry.rules().size());
        Engine engine = new Engine(registry.rules(), config.today());
        TemplateLoader loader = new TemplateLoader(config.limits());
        LocalFiles localFiles = new LocalFiles(config.baseDirectory(), config.limits());
        java.util.function.Function<FileCollector.Candidate, FileOutcome> task =
                candidate -> analyzeOne(candidate, loader, engine, localFiles);
        List<FileOutcome> outcomes = new ArrayList<>(runAll(candidates, config.threads(), task));
        outcomes.addAll(nestedOutcomes(config, candidates, outcomes, task));

        List<Finding> findings = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.analyzed()) {
                files.add(outcome.file());
                findings.addAll(outcome.findings());
            } else {
                skipped.add(outcome.file().displayPath());
            }
        }
        findings.sort(ORDER);
        List<RuleMetadata> rules = new ArrayList<>(EngineChecks.ALL);
        rules.addAll(registry.metadata());
        return new AnalysisResult(findings, files, rules, skipped, Version.current());
    }

    private static FileOutcome analyzeOne(FileCollector.Candidate candidate, TemplateLoader loader,
            Engine engine, LocalFiles localFiles) {
        LoadResult loaded = loader.load(candidate.path(), candidate.displayPath());
        List<Finding> findings = new ArrayList<>(loaded.problems());
        TemplateFormat format = FormatDetector.detect(loaded.root());
        boolean parseFailed = loaded.root() == null && !loaded.problems().isEmpty();
        if (format != TemplateFormat.CLOUDFORMATION && format != TemplateFormat.SAM) {
            // A broken file is reported when it looks like a template or was named directly.
            boolean report = parseFailed
                    && (candidate.explicit() || looksLikeTemplate(loaded.file()));
            return new FileOutcome(loaded.file(), report, report ? findings : List.of(),
                    List.of());
        }
        TemplateAssembler.Assembled assembled =
                TemplateAssembler.assemble(loaded.file(), loaded.root(), format, localFiles);
        findings.addAll(assembled.problems());
        return new FileOutcome(loaded.file(), true, engine.run(assembled.template(), findings),
                localFiles.nestedTemplates(assembled.template()));
    }

    /**
     * Analyzes the local templates that analyzed templates deploy as nested stacks and that
     * were not among the candidates, level by level, at most {@link #MAX_NESTING} levels deep.
     */
    private static List<FileOutcome> nestedOutcomes(AnalyzerConfig config,
            List<FileCollector.Candidate> candidates, List<FileOutcome> outcomes,
            java.util.function.Function<FileCollector.Candidate, FileOutcome> task) {
        FileCollector collector = new FileCollector(config.baseDirectory());
        Set<Path> seen = new HashSet<>();
        candidates.forEach(candidate -> seen.add(candidate.path()));
        List<FileOutcome> result = new ArrayList<>();
        List<FileOutcome> level = outcomes;
        for (int depth = 0; depth < MAX_NESTING && !level.isEmpty(); depth++) {
            List<FileCollector.Candidate> nested = new ArrayList<>();
            for (FileOutcome outcome : level) {
                for (Path path : outcome.nested()) {
                    if (seen.add(path)) {
                        nested.addAll(collector.collect(List.of(path)));
                    }
                }
            }
            level = runAll(nested, config.threads(), task);
            result.addAll(level);
        }
        return result;
    }

    private static boolean looksLikeTemplate(SourceFile file) {
        return file.lines().stream().anyMatch(line -> line.contains("AWSTemplateFormatVersion")
                || line.startsWith("Resources") || line.contains("\"Resources\"")
                || line.startsWith("Transform"));
    }

    private static List<FileOutcome> runAll(List<FileCollector.Candidate> candidates, int threads,
            java.util.function.Function<FileCollector.Candidate, FileOutcome> task) {
        if (threads == 1 || candidates.size() < 2) {
            return candidates.stream().map(task).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, candidates.size()));
        try {
            List<Future<FileOutcome>> futures = new ArrayList<>();
            for (FileCollector.Candidate candidate : candidates) {
                futures.add(pool.submit(() -> task.apply(candidate)));
            }
            List<FileOutcome> outcomes = new ArrayList<>();
            for (Future<FileOutcome> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyzerException("analysis was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("analysis failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * What analyzing one file gave: its findings, and the local nested templates it deploys.
     */
    private record FileOutcome(SourceFile file, boolean analyzed, List<Finding> findings,
            List<Path> nested) { }
}
