package dev.slens.cli;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.AnalyzerException;
import dev.slens.config.ConfigException;
import dev.slens.config.ProjectConfig;
import dev.slens.internal.files.ProjectPath;
import dev.slens.report.ReportFormat;
import dev.slens.report.ReportOptions;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code slens scan}: analyzes templates and writes one or more reports of all findings. Its
 * options are built through picocli's programmatic API, not its annotations, to save start-up
 * time; see {@link CommandSpecs}.
 */
public final class ScanCommand implements Callable<Integer>, ExitCodeHelp {

    private static final Set<String> PROCESSING_ERROR_IDS =
            Set.of(EngineChecks.PARSE_ERROR.id(), EngineChecks.RULE_FAILURE.id());

    private final PositionalParamSpec pathsParameter = PositionalParamSpec.builder()
            .paramLabel("PATH").arity("1..*").required(true).type(List.class)
            .auxiliaryTypes(Path.class)
            .description("Template files or folders to analyze. Folders are searched for .yaml,"
                    + " .yml, .json and .template files and serverless.ts or .js; files that are"
                    + " neither CloudFormation, SAM nor a Serverless Framework service are"
                    + " skipped.")
            .build();

    private final OptionSpec formatOption = OptionSpec.builder("-f", "--format")
            .paramLabel("FORMAT[=FILE]").type(List.class).auxiliaryTypes(ReportRequest.class)
            .converters(new ReportRequest.Converter()).completionCandidates(new FormatValues())
            .description("Report format, one of: ${COMPLETION-CANDIDATES}. Default: text. Repeat"
                    + " the option to write several reports in one run. FORMAT=FILE writes that"
                    + " report to FILE; at most one report may be given without a file, and it"
                    + " goes to --output or stdout.")
            .build();

    private final OptionSpec outputOption = OptionSpec.builder("-o", "--output")
            .paramLabel("FILE").type(List.class).auxiliaryTypes(Path.class)
            .description("Writes the report given without a file to FILE instead of stdout. Give"
                    + " it once. Each report file is replaced in one step, so it is never left"
                    + " half-written.")
            .build();

    private final OptionSpec failOnOption = OptionSpec.builder("--fail-on")
            .paramLabel("LEVEL").type(FailOn.class).converters(new FailOn.Values())
            .completionCandidates(new FailOn.Values())
            .description("Lowest severity that makes the scan exit with code 4, one of:"
                    + " ${COMPLETION-CANDIDATES}. Default: 'fail-on' in the configuration file,"
                    + " else error.")
            .build();

    private final OptionSpec baseDirectoryOption = CommandSpecs.option(Path.class, "DIR",
            "Folder that report paths are relative to. Default: the current folder.",
            "--base-dir");

    private final OptionSpec sourceRootOption = CommandSpecs.option(Path.class, "DIR",
            "Folder that the file URIs of the SARIF report are relative to, as GitHub code"
                    + " scanning expects. Default: the git work tree (the nearest folder with"
                    + " .git) of the base folder when it contains every PATH, else that of the"
                    + " first PATH in one, else the base folder.", "--source-root");

    private final OptionSpec todayOption = OptionSpec.builder("--as-of", "--today")
            .paramLabel("YYYY-MM-DD").type(LocalDate.class).converters(new DateConverter())
            .description("Date that date-dependent checks, such as runtime end of support, treat"
                    + " as today; --today is the older name. Default: 'as-of' in the"
                    + " configuration file, else the current date.")
            .build();

    private final OptionSpec threadsOption = CommandSpecs.option(Integer.class, "N",
            "Number of files analyzed at once. Default: the number of processors. The findings"
                    + " and their order are the same for any number.", "--threads");

    private final ConfigOptions configOptions = new ConfigOptions();

    private final ServerlessOptionsMixin serverless = new ServerlessOptionsMixin();

    private final LoggingOptions logging = new LoggingOptions();

    private final CommandSpec spec = CommandSpecs.command("scan", this);

    ScanCommand() {
        spec.usageMessage().sortOptions(false).description(
                "Analyzes SAM and CloudFormation templates and Serverless Framework services,"
                        + " and reports the findings.",
                "Reports go to stdout, to --output or to the file in --format FORMAT=FILE;"
                        + " diagnostics go to stderr.");
        spec.addPositional(pathsParameter);
        for (OptionSpec option : List.of(formatOption, outputOption, failOnOption,
                baseDirectoryOption, sourceRootOption, todayOption, threadsOption)) {
            spec.addOption(option);
        }
        spec.addMixin("configOptions", configOptions.mixin());
        spec.addMixin("serverless", serverless.mixin());
        spec.addMixin("logging", logging.mixin());
        CommandSpecs.addStandardHelpOptions(spec);
    }

    /** Returns the command's model, to build a {@code CommandLine} from. */
    CommandSpec spec() {
        return spec;
    }

    @Override
    public Integer call() {
        long started = System.nanoTime();
        logging.configureLogging();
        // Created here, not in a static field, because slf4j-simple reads its level only when
        // the first logger is created, and configureLogging() has to set it before that.
        Logger log = LoggerFactory.getLogger(ScanCommand.class);
        PrintWriter err = spec.commandLine().getErr();
        try {
            ReportTargets reports = validate();
            Analyzer analyzer = Analyzer.withRegisteredRules();
            List<RuleMetadata> rules = analyzer.registry().metadata();
            ProjectConfig project = configOptions.load(paths().get(0), rules, log);
            AnalysisResult result = analyzer.analyze(config(project, rules));
            result = configOptions.applyBaseline(result, project, log);
            reports.checkNotAnalyzed(result.files());
            ReportOptions options = reportOptions();
            reports.write(result, options, spec.commandLine().getOut());
            reports.warnOutsideSourceRoot(result, options, err);
            printDiagnostics(result, reports, err);
            logProgress(log, result, reports, Duration.ofNanos(System.nanoTime() - started));
            return exitCode(result, effectiveFailOn(project)).code();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.flush();
            return ExitCode.USAGE.code();
        } catch (AnalyzerException e) {
            return CommandErrors.report(err, ExitCode.USAGE, e, true, logging.debug());
        } catch (ReportTargets.WriteException e) {
            AnalyzerException failure = new AnalyzerException(
                    OutputFailures.message(e.file(), e.failure()), e.failure());
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, failure, true,
                    logging.debug());
        } catch (RuntimeException e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, false, logging.debug());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "No finding at or above --fail-on, and every file was analyzed.",
                ExitCode.INTERNAL_ERROR, "Unexpected internal error, or the report could not be"
                        + " written.",
                ExitCode.USAGE, "Usage or configuration error, such as an unknown option, a"
                        + " missing path, a mistake in the configuration file or an invalid"
                        + " baseline.",
                ExitCode.FINDINGS, "Findings at or above --fail-on.",
                ExitCode.PROCESSING_ERRORS, "Finished, but some file could not be parsed or a"
                        + " rule failed on it (SL0001, SL0003). This code wins over 4 and"
                        + " applies with --fail-on none too.");
    }

    /** Returns the exit code of a finished scan: code 5 wins over 4, which wins over 0. */
    static ExitCode exitCode(AnalysisResult result, FailOn failOn) {
        if (result.hasProcessingErrors()) {
            return ExitCode.PROCESSING_ERRORS;
        }
        boolean failing = failOn.threshold().map(result::hasFindingsAtLeast).orElse(false);
        return failing ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * Checks the paths and report targets before any work starts, and returns the targets. A
     * problem is an {@link AnalyzerException}, which prints as one line and exits with code 2.
     */
    private ReportTargets validate() {
        for (Path path : paths()) {
            // A link loop or a path in an unreadable folder is reported as a finding of the
            // scan, which goes on with the other paths.
            ProjectPath.Status status = ProjectPath.inspect(path).status();
            if (status == ProjectPath.Status.MISSING && Files.isSymbolicLink(path)) {
                throw new AnalyzerException("symbolic link '" + path + "' leads to no file: its"
                        + " target is missing");
            }
            if (status == ProjectPath.Status.MISSING) {
                throw new AnalyzerException("path not found: '" + path + "' (resolved to '"
                        + path.toAbsolutePath().normalize() + "')");
            }
        }
        if (baseDirectory() != null && !Files.isDirectory(baseDirectory())) {
            throw new AnalyzerException("base folder not found: '" + baseDirectory() + "'");
        }
        if (threads() != null && threads() < 1) {
            throw new AnalyzerException("--threads must be 1 or more, not " + threads());
        }
        if (sourceRoot() != null && !Files.isDirectory(sourceRoot())) {
            throw new AnalyzerException("source root folder not found: '" + sourceRoot() + "'");
        }
        ReportTargets reports = ReportTargets.resolve(formats(), outputs());
        reports.validateFiles();
        configOptions.validateWriteBaseline();
        reports.checkNotBaseline(configOptions.writeBaselineFile());
        return reports;
    }

    /** Returns {@code --fail-on} when given, else the configuration's, else {@code error}. */
    private FailOn effectiveFailOn(ProjectConfig project) {
        if (failOn() != null) {
            return failOn();
        }
        return project.failOn() == null ? FailOn.ERROR
                : FailOn.valueOf(project.failOn().toUpperCase(Locale.ROOT));
    }

    private AnalyzerConfig config(ProjectConfig project, List<RuleMetadata> rules) {
        AnalyzerConfig.Builder builder = project.applyTo(AnalyzerConfig.builder(), rules)
                .paths(paths())
                .serverless(serverless.options(project.serverless()));
        if (baseDirectory() != null) {
            builder.baseDirectory(baseDirectory());
        }
        if (today() != null) {
            builder.today(today());
        }
        if (threads() != null) {
            builder.threads(threads());
        }
        return builder.build();
    }

    /**
     * Returns the folders that report paths are relative to. Without {@code --source-root}, the
     * source root is {@link ReportOptions#defaultSourceRoot}: the git work tree of the scanned
     * files, even when the scan runs from outside it.
     */
    private ReportOptions reportOptions() {
        Path base = baseDirectory() == null ? Path.of("") : baseDirectory();
        Path root = sourceRoot() != null ? sourceRoot()
                : ReportOptions.defaultSourceRoot(base, paths());
        return new ReportOptions(base, root);
    }

    /**
     * Prints on stderr the files that could not be processed unless a text report goes to
     * stdout, because a report in a file or in a machine format is not read in the terminal.
     */
    private static void printDiagnostics(AnalysisResult result, ReportTargets reports,
            PrintWriter err) {
        if (!reports.textOnStdout()) {
            for (Finding finding : result.findings()) {
                if (PROCESSING_ERROR_IDS.contains(finding.ruleId())) {
                    err.println("error: " + finding.file().displayPath() + ":"
                            + finding.span().line() + ": " + finding.ruleId() + " "
                            + finding.message());
                }
            }
        }
        err.flush();
    }

    /**
     * Logs at INFO level each skipped file, each report file, and one closing line with the
     * counts and the time taken, which {@code --verbose} shows on stderr.
     */
    private static void logProgress(Logger log, AnalysisResult result, ReportTargets reports,
            Duration elapsed) {
        for (String skipped : result.skipped()) {
            log.info("Skipped '{}': neither CloudFormation, SAM nor a Serverless Framework"
                    + " service", skipped);
        }
        for (ReportTargets.Target target : reports.targets()) {
            if (target.file() != null) {
                log.info("Wrote the report to '{}'", target.file());
            }
        }
        log.info("Scanned {} in {} ms: {}, {} skipped", plural(result.files().size(), "file"),
                elapsed.toMillis(), plural(result.findings().size(), "finding"),
                result.skipped().size() + result.skippedEntries());
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private List<Path> paths() {
        return pathsParameter.getValue();
    }

    private List<ReportRequest> formats() {
        return formatOption.getValue();
    }

    private List<Path> outputs() {
        return outputOption.getValue();
    }

    private FailOn failOn() {
        return failOnOption.getValue();
    }

    private Path baseDirectory() {
        return baseDirectoryOption.getValue();
    }

    private Path sourceRoot() {
        return sourceRootOption.getValue();
    }

    private LocalDate today() {
        return todayOption.getValue();
    }

    private Integer threads() {
        return threadsOption.getValue();
    }

    /** Converts and lists the lowercase values of {@code --format}. */
    static final class FormatValues extends EnumOptionValues<ReportFormat> {

        FormatValues() {
            super(ReportFormat.class);
        }
    }

    /** Parses an ISO date and names the expected form when the value does not match it. */
    static final class DateConverter implements ITypeConverter<LocalDate> {

        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value
                        + "' is not a date in the form YYYY-MM-DD");
            }
        }
    }
}
