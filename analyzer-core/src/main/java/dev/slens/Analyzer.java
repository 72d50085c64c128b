package dev.slens;

import dev.slens.config.ConfigLoader;
import dev.slens.engine.Engine;
import dev.slens.engine.FileCollector;
import dev.slens.engine.RuleRegistry;
import dev.slens.internal.FailureHook;
import dev.slens.internal.sam.LocalFiles;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.SlensOutputDetector;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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

    /** The deepest chain of local nested templates that is followed. */
    private static final int MAX_NESTING = 5;

    /** Orders findings by file, line, column and rule, so reports are stable. */
    public static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.file().displayPath())
            .thenComparingInt(f -> f.span().line())
            .thenComparingInt(f -> f.span().column())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

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
        FileCollector collector = new FileCollector(config.baseDirectory(), config.excludes());
        List<FileCollector.Candidate> candidates = collector.collect(config.paths());
        List<Rule> active = registry.rules().stream()
                .filter(rule -> config.runs(rule.metadata())).toList();
        LOG.debug("Analyzing files: {}, rules: {}", candidates.size(), active.size());
        Engine engine = new Engine(active, config.today(), config.ruleParameters(),
                config.suppressionReasonRequired(), config.baseDirectory());
        TemplateLoader loader = new TemplateLoader(config.limits());
        java.util.function.Function<FileCollector.Candidate, FileOutcome> task =
                candidate -> analyzeOne(candidate, loader, engine, config);
        List<FileOutcome> outcomes = new ArrayList<>(runAll(candidates, config.threads(), task));
        outcomes.addAll(nestedOutcomes(collector, config.threads(), candidates, outcomes, task));
        outcomes = new ArrayList<>(withoutServiceIncludes(outcomes));
        for (FileCollector.Unreadable entry : collector.unreadable()) {
            outcomes.add(unreadable(entry));
        }

        List<Finding> findings = new ArrayList<>();
        List<SourceFile> files = new ArrayList<>();
        Set<Path> includedFiles = new HashSet<>();
        List<String> skipped = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            if (outcome.analyzed()) {
                files.add(outcome.file());
                // A file that a service reads through ${file()} was analyzed as part of it, so
                // it counts once, after the first service that reads it.
                outcome.includes().stream()
                        .filter(file -> includedFiles.add(normalized(file.path())))
                        .forEach(files::add);
                outcome.findings().forEach(f -> findings.add(withSeverity(f, config)));
            } else if (!outcome.slensOutput() && !isConfigFile(outcome.file())) {
                skipped.add(outcome.file().displayPath());
            }
        }
        findings.sort(ORDER);
        List<RuleMetadata> rules = new ArrayList<>(EngineChecks.ALL);
        active.forEach(rule -> rules.add(withSeverity(rule.metadata(), config)));
        return new AnalysisResult(findings, files, rules, skipped, Version.current(),
                collector.skipped());
    }

    /** Reports a folder or named path that could not be read, so the scan is incomplete. */
    private static FileOutcome unreadable(FileCollector.Unreadable entry) {
        SourceFile file = new SourceFile(entry.path(), entry.displayPath(), List.of());
        return new FileOutcome(file, true, List.of(problem(file, SourceSpan.at(1, 1),
                "This path was not analyzed because " + entry.reason() + ".")));
    }

    /** Applies the configured severity override of the finding's rule, if any. */
    private static Finding withSeverity(Finding finding, AnalyzerConfig config) {
        Severity override = config.severityOverrides().get(finding.ruleId());
        return override == null ? finding : finding.withSeverity(override);
    }

    /** Returns {@code rule} with its default severity replaced by the configured override. */
    private static RuleMetadata withSeverity(RuleMetadata rule, AnalyzerConfig config) {
        Severity override = config.severityOverrides().get(rule.id());
        return override == null ? rule : rule.withSeverity(override);
    }

    /**
     * Analyzes one file. An unexpected failure on it becomes one finding in that file, so the
     * other files are still analyzed and reported.
     */
    private static FileOutcome analyzeOne(FileCollector.Candidate candidate, TemplateLoader loader,
            Engine engine, AnalyzerConfig config) {
        try {
            FailureHook.check(candidate.path());
            return loadAndCheck(candidate, loader, engine, config);
        } catch (OutOfMemoryError e) {
            // The file's tree is unreachable once this frame unwinds, so the other files can
            // still be analyzed in the memory this one needed.
            SourceFile file = new SourceFile(candidate.path(), candidate.displayPath(), List.of());
            return new FileOutcome(file, true, List.of(problem(file, SourceSpan.at(1, 1),
                    "The file was not analyzed: the JVM ran out of memory (" + e.getMessage()
                            + "). Raise the maximum heap with -Xmx.")));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("Analysis of {} failed", candidate.displayPath(), e);
            SourceFile file = new SourceFile(candidate.path(), candidate.displayPath(), List.of());
            return new FileOutcome(file, true, List.of(new Finding(
                    EngineChecks.RULE_FAILURE.id(), EngineChecks.RULE_FAILURE.severity(),
                    "The file was not analyzed: slens failed while loading or expanding it ("
                            + e + "). Please report this as a bug.",
                    file, SourceSpan.at(1, 1), null, List.of())));
        }
    }

    private static FileOutcome loadAndCheck(FileCollector.Candidate candidate,
            TemplateLoader loader, Engine engine, AnalyzerConfig config) {
        if (isServerlessCode(candidate)) {
            return serverlessCode(candidate);
        }
        LoadResult loaded = loader.load(candidate.path(), candidate.displayPath());
        List<Finding> findings = new ArrayList<>(loaded.problems());
        if (loaded.document() != null && loaded.root() == null) {
            findings.add(0, loaded.notMappingProblem());
        }
        TemplateFormat format = FormatDetector.detect(loaded.root());
        boolean parseFailed = loaded.root() == null && !findings.isEmpty();
        if (format == TemplateFormat.SERVERLESS_FRAMEWORK) {
            MapNode written = loaded.root().getMap("resources");
            Finding tooLarge = written == null ? null
                    : tooManyResources(loaded.file(), written, config.limits());
            if (tooLarge != null) {
                return new FileOutcome(loaded.file(), true, List.of(tooLarge));
            }
            TemplateAssembler.Assembled assembled = TemplateAssembler.assembleServerless(
                    loaded.file(), loaded.root(), config.serverless(), config.limits());
            findings.addAll(assembled.problems());
            return new FileOutcome(loaded.file(), true, engine.run(assembled.template(),
                    findings), List.of(), assembled.includedFiles());
        }
        if (format != TemplateFormat.CLOUDFORMATION && format != TemplateFormat.SAM) {
            if (!candidate.explicit() && SlensOutputDetector.isSlensOutput(loaded.document())) {
                return FileOutcome.slensOutput(loaded.file());
            }
            if (loaded.root() == null && findings.isEmpty() && candidate.explicit()) {
                // Only a file without any YAML or JSON node has neither a root nor a problem.
                return new FileOutcome(loaded.file(), true,
                        List.of(loaded.notMappingProblem()));
            }
            Finding noResources = namedWithoutResources(candidate, loaded);
            if (noResources != null) {
                return new FileOutcome(loaded.file(), true, List.of(noResources));
            }
            // A broken file is reported when it looks like a template or was named directly.
            // Only a file that could not be read has no lines, and it may be a template.
            boolean report = parseFailed && (candidate.explicit()
                    || loaded.file().lines().isEmpty() || looksLikeTemplate(loaded.file()));
            return new FileOutcome(loaded.file(), report, report ? findings : List.of());
        }
        Finding tooLarge = tooManyResources(loaded.file(), loaded.root(), config.limits());
        if (tooLarge != null) {
            return new FileOutcome(loaded.file(), true, List.of(tooLarge));
        }
        LocalFiles localFiles = new LocalFiles(config.baseDirectory(), config.limits());
        TemplateAssembler.Assembled assembled =
                TemplateAssembler.assemble(loaded.file(), loaded.root(), format, localFiles);
        findings.addAll(assembled.problems());
        return new FileOutcome(loaded.file(), true, engine.run(assembled.template(), findings),
                localFiles.nestedTemplates(assembled.template()));
    }

    /**
     * Reports a file named directly that has a Resources section but no resource with an AWS
     * type, such as {@code Resources: [a, b]} or {@code Type: 5}, else returns null. In a folder
     * such a file is skipped, as it may be any other YAML; named directly, it was meant to be
     * analyzed.
     */
    private static Finding namedWithoutResources(FileCollector.Candidate candidate,
            LoadResult loaded) {
        MapNode root = loaded.root();
        if (!candidate.explicit() || root == null) {
            return null;
        }
        MapNode.Entry resources = root.entry("Resources");
        if (resources == null) {
            return null;
        }
        return problem(loaded.file(), resources.keySpan(), "The template cannot be analyzed:"
                + " Resources has no resource with a Type such as 'AWS::SQS::Queue'. Write"
                + " Resources as a mapping of logical IDs to resources, each with a Type.");
    }

    /** Reports a Resources section past {@link LoadLimits#maxResources()}, else returns null. */
    private static Finding tooManyResources(SourceFile file, MapNode root, LoadLimits limits) {
        MapNode.Entry section = root.entry("Resources");
        MapNode resources = section == null ? null : section.value().asMap();
        if (resources == null || resources.entries().size() <= limits.maxResources()) {
            return null;
        }
        return problem(file, section.keySpan(), "The template was not analyzed: Resources has "
                + resources.entries().size() + " entries, more than the limit of "
                + limits.maxResources() + ". CloudFormation accepts at most 500 resources in a"
                + " stack, so split the template into nested stacks.");
    }

    private static Finding problem(SourceFile file, SourceSpan span, String message) {
        return new Finding(EngineChecks.PARSE_ERROR.id(), EngineChecks.PARSE_ERROR.severity(),
                message, file, span, null, List.of());
    }

    private static boolean isServerlessCode(FileCollector.Candidate candidate) {
        Path name = candidate.path().getFileName();
        return name != null && FileCollector.SERVERLESS_CODE_FILES.contains(
                name.toString().toLowerCase(Locale.ROOT));
    }

    /** Reports a service file written in code, which slens reads no further. */
    private static FileOutcome serverlessCode(FileCollector.Candidate candidate) {
        SourceFile file = new SourceFile(candidate.path(), candidate.displayPath(), List.of());
        RuleMetadata check = EngineChecks.SLS_UNSUPPORTED_FILE;
        Finding finding = new Finding(check.id(), check.severity(), "This Serverless Framework"
                + " service is written in code, which slens does not run, so it was not"
                + " analyzed. Run 'serverless print' and analyze the YAML it prints.", file,
                SourceSpan.at(1, 1), null, List.of());
        return new FileOutcome(file, true, List.of(finding));
    }

    /**
     * Analyzes the local templates that analyzed templates deploy as nested stacks and that
     * were not among the candidates, level by level, at most {@link #MAX_NESTING} levels deep.
     */
    private static List<FileOutcome> nestedOutcomes(FileCollector collector, int threads,
            List<FileCollector.Candidate> candidates, List<FileOutcome> outcomes,
            java.util.function.Function<FileCollector.Candidate, FileOutcome> task) {
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
            level = runAll(nested, threads, task);
            result.addAll(level);
        }
        return result;
    }

    /**
     * Drops the outcome of each file that a Serverless Framework service of this scan reads
     * through a {@code ${file()}} variable, such as {@code resources: ${file(resources.yml)}}.
     * Such a file is analyzed as part of its service, and analyzing it alone too would report
     * each of its findings twice. A file scanned without its service stays.
     */
    private static List<FileOutcome> withoutServiceIncludes(List<FileOutcome> outcomes) {
        Set<Path> included = new HashSet<>();
        for (FileOutcome outcome : outcomes) {
            outcome.includes().forEach(file -> included.add(normalized(file.path())));
        }
        if (included.isEmpty()) {
            return outcomes;
        }
        List<FileOutcome> standalone = new ArrayList<>();
        for (FileOutcome outcome : outcomes) {
            if (included.contains(normalized(outcome.file().path()))) {
                LOG.debug("Analyzed {} only as part of the service that includes it",
                        outcome.file().displayPath());
            } else {
                standalone.add(outcome);
            }
        }
        return standalone;
    }

    private static Path normalized(Path path) {
        return path.toAbsolutePath().normalize();
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
     * The outcome of analyzing one file: its findings, the local nested templates it deploys,
     * and the files a Serverless Framework service reads through {@code ${file()}}.
     */
    private record FileOutcome(SourceFile file, boolean analyzed, List<Finding> findings,
            List<Path> nested, List<SourceFile> includes, boolean slensOutput) {

        FileOutcome(SourceFile file, boolean analyzed, List<Finding> findings) {
            this(file, analyzed, findings, List.of(), List.of(), false);
        }

        FileOutcome(SourceFile file, boolean analyzed, List<Finding> findings,
                List<Path> nested) {
            this(file, analyzed, findings, nested, List.of(), false);
        }

        FileOutcome(SourceFile file, boolean analyzed, List<Finding> findings,
                List<Path> nested, List<SourceFile> includes) {
            this(file, analyzed, findings, nested, includes, false);
        }

        /**
         * Returns the outcome of a baseline or report that slens wrote, found in a folder. It is
         * neither analyzed nor counted as skipped.
         */
        static FileOutcome slensOutput(SourceFile file) {
            return new FileOutcome(file, false, List.of(), List.of(), List.of(), true);
        }
    }

    /** Returns whether {@code file} is slens's own configuration, which is never a template. */
    private static boolean isConfigFile(SourceFile file) {
        Path path = file.path();
        return path != null && path.getFileName() != null
                && path.getFileName().toString().equals(ConfigLoader.FILE_NAME);
    }
}
