package dev.slens.maven;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.AnalyzerException;
import dev.slens.config.ProjectConfig;
import dev.slens.load.ServerlessOptions;
import dev.slens.report.ReportFormat;
import dev.slens.report.ReportOptions;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Analyzes the project's SAM and CloudFormation templates, writes the reports and fails the
 * build when findings reach {@code failOn}.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    /** Paths scanned when {@code paths} is not set, relative to the project folder. */
    static final List<String> DEFAULT_PATHS = List.of("src/main/resources", "template.yaml",
            "template.yml", "serverless.yml", "cdk.out");

    /** The project folder. Report paths and relative {@code paths} are resolved against it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File baseDirectory;

    /**
     * Template files and folders to analyze. Default: those of {@code src/main/resources},
     * {@code template.yaml}, {@code template.yml}, {@code serverless.yml} and {@code cdk.out}
     * that exist in the project folder.
     */
    @Parameter(property = "slens.paths")
    private List<File> paths;

    /**
     * Lowest severity that fails the build: {@code error}, {@code warning}, {@code info} or
     * {@code none}. Default: {@code fail-on} in the configuration file, else {@code error}.
     * Input that cannot be parsed fails the build with every value.
     */
    @Parameter(property = "slens.failOn")
    private String failOn;

    /**
     * Configuration file, relative to the project folder. Default: the {@code .slens.yml} in
     * the project folder or in the nearest parent folder, up to the root of the git repository.
     */
    @Parameter(property = "slens.configFile")
    private File configFile;

    /**
     * Rules to switch on, by rule ID, another tool's ID for the same check, pillar or tag. These
     * win over the configuration file. An entry naming one rule wins over a pillar or tag.
     */
    @Parameter(property = "slens.enableRules")
    private List<String> enableRules;

    /**
     * Rules to switch off, by rule ID, another tool's ID for the same check, pillar or tag. These
     * win over the configuration file. An entry naming one rule wins over a pillar or tag, and
     * otherwise this wins over {@code enableRules}.
     */
    @Parameter(property = "slens.disableRules")
    private List<String> disableRules;

    /**
     * Baseline file written by {@code writeBaseline} or {@code slens scan --write-baseline},
     * relative to the project folder. Findings it records are marked unchanged and never fail
     * the build. Default: {@code baseline} in the configuration file.
     */
    @Parameter(property = "slens.baseline")
    private File baseline;

    /**
     * Records every finding that is not suppressed in this file, relative to the project folder,
     * and compares the build against it, so only unreadable input fails the build.
     */
    @Parameter(property = "slens.writeBaseline")
    private File writeBaseline;

    /**
     * Report formats, any of {@code sarif}, {@code html}, {@code json}, {@code github},
     * {@code gitlab}, {@code junit} and {@code text}. Each is written to its own file in
     * {@code outputDirectory}, such as {@code slens.sarif}.
     */
    @Parameter(property = "slens.formats", defaultValue = "sarif,html")
    private List<String> formats;

    /** Folder that the reports are written to. */
    @Parameter(property = "slens.outputDirectory",
            defaultValue = "${project.build.directory}/slens")
    private File outputDirectory;

    /**
     * Lowest severity of the findings that are logged, each as its own line
     * {@code file:line:column: ID message}: error, warning, info or none. Findings that reach
     * failOn are logged as errors, the others as warnings or, for info findings, as info.
     */
    @Parameter(property = "slens.logLevel", defaultValue = "warning")
    private String logLevel;

    /** Skips the analysis. */
    @Parameter(property = "slens.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Stage that Serverless Framework files are resolved for, as the framework's
     * {@code --stage}: it sets {@code ${opt:stage}} and {@code ${sls:stage}}. Default: the file's
     * {@code provider.stage}, else {@code dev}.
     */
    @Parameter(property = "slens.stage")
    private String stage;

    /**
     * Region that Serverless Framework files are resolved for, as the framework's
     * {@code --region}: it sets {@code ${opt:region}} and {@code ${aws:region}}. Default: the
     * file's {@code provider.region}, else {@code us-east-1}.
     */
    @Parameter(property = "slens.region")
    private String region;

    /**
     * Resolves {@code ${env:NAME}} in Serverless Framework files from the environment of the
     * Maven process. Without it, such variables are unknown and never cause a finding.
     */
    @Parameter(property = "slens.envFromProcess", defaultValue = "false")
    private boolean envFromProcess;

    /**
     * Date in the form YYYY-MM-DD that date-dependent checks, such as runtime end of support,
     * treat as today. Default: {@code as-of} in the configuration file, else the current date.
     * Set it for reproducible builds.
     */
    @Parameter(property = "slens.asOf")
    private String asOf;

    /**
     * Older name of {@code asOf}, still read. When both are set they must give the same date.
     */
    @Parameter(property = "slens.today")
    private String today;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("slens: skipped");
            return;
        }
        Set<ReportFormat> reportFormats = parseFormats();
        LocalDate date = ProjectSettings.asOf(asOf, today);
        List<Path> scanPaths = resolvePaths();
        if (scanPaths.isEmpty()) {
            getLog().info("slens: none of " + DEFAULT_PATHS + " exists, so nothing is analyzed");
            removeStaleReports();
            return;
        }

        Path base = baseDirectory.toPath();
        Analyzer analyzer = Analyzer.withRegisteredRules();
        List<RuleMetadata> rules = analyzer.registry().metadata();
        ProjectConfig project = ProjectSettings.load(configFile, base, rules, getLog());
        Severity threshold = parseFailOn(project);
        AnalyzerConfig.Builder config = project.applyTo(AnalyzerConfig.builder(), rules)
                .paths(scanPaths).baseDirectory(base)
                .serverless(serverlessOptions(project.serverless()));
        if (date != null) {
            config.today(date);
        }
        ProjectSettings.switchRules(config, rules, enableRules, disableRules);
        AnalysisResult result = ProjectSettings.applyBaseline(analyze(analyzer, config.build()),
                base, writeBaseline, baseline, project, getLog());
        ReportOptions options = new ReportOptions(base,
                ReportOptions.defaultSourceRoot(base, scanPaths));
        if (reportFormats.contains(ReportFormat.SARIF)) {
            String warning = options.outsideSourceRootWarning(result.files());
            if (warning != null) {
                getLog().warn("slens: " + warning + ", or list only paths inside it");
            }
        }
        List<Path> reports = relativize(base, writeReports(result, reportFormats, options));
        logFindings(result, threshold);
        getLog().info(FindingSummary.oneLine(result, reports));

        if (result.hasProcessingErrors()) {
            throw new MojoExecutionException(FindingSummary.processingErrors(result, reports,
                    FilteredResourceHint.hints(result, base)));
        }
        if (threshold != null && result.hasFindingsAtLeast(threshold)) {
            throw new MojoFailureException(FindingSummary.failure(result, threshold, reports));
        }
    }

    private void logFindings(AnalysisResult result, Severity threshold)
            throws MojoExecutionException {
        Severity level = parseSeverity("logLevel", logLevel);
        if (level == null) {
            return;
        }
        for (FindingSummary.LogLine line : FindingSummary.logLines(result, level, threshold)) {
            switch (line.level()) {
                case ERROR -> getLog().error(line.text());
                case WARNING -> getLog().warn(line.text());
                case INFO -> getLog().info(line.text());
                default -> throw new IllegalStateException("unknown level " + line.level());
            }
        }
    }

    private static AnalysisResult analyze(Analyzer analyzer, AnalyzerConfig config)
            throws MojoExecutionException {
        try {
            return analyzer.analyze(config);
        } catch (AnalyzerException e) {
            throw new MojoExecutionException("slens analysis failed: " + e.getMessage(), e);
        }
    }

    private List<Path> writeReports(AnalysisResult result, Set<ReportFormat> reportFormats,
            ReportOptions options) throws MojoExecutionException {
        if (outputDirectory.isFile()) {
            throw new MojoExecutionException("Failed to write the slens reports: outputDirectory '"
                    + outputDirectory + "' is a file, not a folder; set it to a folder");
        }
        try {
            return ReportFiles.write(result, reportFormats, outputDirectory.toPath(), options);
        } catch (IOException e) {
            throw new MojoExecutionException("Failed to write the slens reports to '"
                    + outputDirectory + "': " + e, e);
        }
    }

    /** Deletes the reports of an earlier run, which no longer describe the project. */
    private void removeStaleReports() throws MojoExecutionException {
        try {
            ReportFiles.removeStale(outputDirectory.toPath(), Set.of());
        } catch (IOException e) {
            throw new MojoExecutionException("Failed to delete old slens reports in '"
                    + outputDirectory + "': " + e, e);
        }
    }

    /** Returns the configured paths, all of which must exist, or the default ones that do. */
    private List<Path> resolvePaths() throws MojoExecutionException {
        Path base = baseDirectory.toPath();
        List<Path> resolved = new ArrayList<>();
        if (paths == null || paths.isEmpty()) {
            for (String name : DEFAULT_PATHS) {
                Path candidate = base.resolve(name);
                if (Files.exists(candidate)) {
                    resolved.add(candidate);
                }
            }
            return resolved;
        }
        for (File path : paths) {
            Path candidate = base.resolve(path.toPath());
            if (!Files.exists(candidate)) {
                throw new MojoExecutionException("slens path not found: '" + candidate + "'");
            }
            resolved.add(candidate);
        }
        return resolved;
    }

    /**
     * Returns the lowest failing severity, or {@code null} for {@code none}: {@code failOn} when
     * set, else the configuration's {@code fail-on}, else error.
     */
    /** Returns the severity that {@code value} names, or {@code null} for {@code none}. */
    private static Severity parseSeverity(String name, String value)
            throws MojoExecutionException {
        String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (normalized.equals("none")) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.label().equals(normalized)) {
                return severity;
            }
        }
        throw new MojoExecutionException("Invalid " + name + " '" + value
                + "', expected error, warning, info or none");
    }

    private Severity parseFailOn(ProjectConfig project) throws MojoExecutionException {
        String configured = failOn != null && !failOn.isBlank() ? failOn : project.failOn();
        String value = configured == null ? "error" : configured.trim().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return null;
        }
        for (Severity severity : Severity.values()) {
            if (severity.label().equals(value)) {
                return severity;
            }
        }
        throw new MojoExecutionException("Invalid failOn '" + failOn
                + "', expected error, warning, info or none");
    }

    private Set<ReportFormat> parseFormats() throws MojoExecutionException {
        List<String> names = formats == null || formats.isEmpty()
                ? List.of("sarif", "html") : formats;
        try {
            return ReportFiles.formatsNamed(names);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private static List<Path> relativize(Path base, List<Path> files) {
        Path absoluteBase = base.toAbsolutePath().normalize();
        return files.stream().map(file -> {
            Path absolute = file.toAbsolutePath().normalize();
            return absolute.startsWith(absoluteBase) ? absoluteBase.relativize(absolute)
                    : absolute;
        }).toList();
    }

    /**
     * Returns the stage and region parameters, else those of the configuration file, and the
     * process environment when {@code envFromProcess} is set.
     */
    private ServerlessOptions serverlessOptions(ServerlessOptions configured) {
        String chosenStage = blankToNull(stage);
        String chosenRegion = blankToNull(region);
        return new ServerlessOptions(chosenStage != null ? chosenStage : configured.stage(),
                chosenRegion != null ? chosenRegion : configured.region(),
                envFromProcess ? System.getenv() : null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
