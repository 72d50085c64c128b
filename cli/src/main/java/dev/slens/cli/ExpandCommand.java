package dev.slens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slens.Analyzer;
import dev.slens.AnalyzerException;
import dev.slens.config.ConfigException;
import dev.slens.config.ConfigLoader;
import dev.slens.config.ProjectConfig;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.TemplateFormat;
import dev.slens.report.ExpandedTemplate;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slens expand}: prints the CloudFormation that slens derives from one template, the
 * model that rules read.
 */
@Command(name = "expand", mixinStandardHelpOptions = true,
        versionProvider = SlensCommand.VersionProvider.class,
        modelTransformer = CommandDefaults.class,
        description = {"Prints as JSON the CloudFormation that slens derives from a template:"
                + " SAM resources expanded as the SAM translator expands them, Fn::ForEach loops"
                + " expanded, and intrinsic functions left as written. A Serverless Framework"
                + " service is resolved with --stage, --region and --env-from-process, else"
                + " with serverless.stage and serverless.region of the configuration file as"
                + " slens scan reads it, and expanded into the resources the framework"
                + " deploys.",
            "Each resource's Metadata gains slens:source, the file and line it came from, and"
                    + " for a generated resource slens:generatedFrom, the SAM resource that"
                    + " produced it. Problems met on the way are printed on stderr."})
public final class ExpandCommand implements Callable<Integer>, ExitCodeHelp {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The SAM or CloudFormation template, or the"
            + " serverless.yml, to expand.")
    private Path file;

    private final ServerlessOptionsMixin serverless = new ServerlessOptionsMixin();

    @Option(names = "--config", paramLabel = "FILE",
            description = "Configuration file whose serverless.stage and serverless.region"
                    + " apply where --stage and --region are not given. Default: the "
                    + ConfigLoader.FILE_NAME + " in the file's folder or in the nearest parent"
                    + " folder, up to the root of the git repository.")
    private Path configFile;

    @Mixin
    private DebugOption logging;

    /**
     * Returns the command line of {@code slens expand}. The Serverless Framework options are
     * added to the annotated model here, because {@code scan} shares them and builds its own
     * model through picocli's programmatic API.
     */
    static CommandLine commandLine() {
        ExpandCommand command = new ExpandCommand();
        CommandLine commandLine = new CommandLine(command);
        commandLine.getCommandSpec().addMixin("serverless", command.serverless.mixin());
        return commandLine;
    }

    @Override
    public Integer call() {
        logging.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (!Files.isRegularFile(file)) {
                throw new AnalyzerException((Files.isDirectory(file) ? "not a file: '"
                        : "file not found: '") + file + "'; give one template file");
            }
            LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file,
                    file.toString());
            if (loaded.root() == null) {
                printProblems(loaded, err);
                return ExitCode.PROCESSING_ERRORS.code();
            }
            TemplateFormat format = FormatDetector.detect(loaded.root());
            if (format == TemplateFormat.OTHER) {
                throw new AnalyzerException("'" + file + "' is neither a SAM nor a"
                        + " CloudFormation template nor a Serverless Framework service: it has"
                        + " no Resources with AWS types and no service with a provider");
            }
            TemplateAssembler.Assembled assembled = format == TemplateFormat.SERVERLESS_FRAMEWORK
                    ? TemplateAssembler.assembleServerless(loaded.file(), loaded.root(),
                            serverlessOptions(), LoadLimits.DEFAULT)
                    : TemplateAssembler.assemble(loaded.file(), loaded.root(), format);
            out.println(json(assembled));
            out.flush();
            for (Finding problem : loaded.problems()) {
                warn(err, problem);
            }
            for (Finding problem : assembled.problems()) {
                warn(err, problem);
            }
            err.flush();
            return ExitCode.OK.code();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> err.println("error: " + problem));
            err.flush();
            return ExitCode.USAGE.code();
        } catch (AnalyzerException e) {
            return CommandErrors.report(err, ExitCode.USAGE, e, true, logging.debug());
        } catch (RuntimeException | JsonProcessingException e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, false, logging.debug());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "The expanded template was printed.",
                ExitCode.INTERNAL_ERROR, "Unexpected internal error.",
                ExitCode.USAGE, "Usage error, such as a missing file, a folder, a file that"
                        + " is not a template, or a mistake in the configuration file.",
                ExitCode.PROCESSING_ERRORS, "The file cannot be parsed (SL0001); the message"
                        + " names its line.");
    }

    /**
     * Returns the stage, region and environment to resolve a service with: the command line's,
     * else those of the configuration file that a scan of the same file would use.
     *
     * @throws ConfigException when the configuration file has mistakes
     */
    private ServerlessOptions serverlessOptions() {
        Optional<Path> config = configFile != null ? Optional.of(configFile)
                : ConfigLoader.find(file);
        if (config.isEmpty()) {
            return serverless.options();
        }
        ProjectConfig project = new ConfigLoader(Analyzer.withRegisteredRules().registry()
                .metadata()).load(config.get(), config.get().toString());
        return serverless.options(project.serverless());
    }

    private static String json(TemplateAssembler.Assembled assembled)
            throws JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(ExpandedTemplate.toJson(assembled.template()));
    }

    private static void printProblems(LoadResult loaded, PrintWriter err) {
        List<Finding> problems = new ArrayList<>();
        Finding notMapping = loaded.notMappingProblem();
        if (notMapping != null) {
            problems.add(notMapping);
        }
        problems.addAll(loaded.problems());
        for (Finding problem : problems) {
            String level = problem.ruleId().equals(EngineChecks.PARSE_ERROR.id())
                    ? "error" : "warning";
            err.println(level + ": " + location(problem) + problem.ruleId() + " "
                    + problem.message());
        }
        err.flush();
    }

    private static void warn(PrintWriter err, Finding problem) {
        err.println("warning: " + location(problem) + problem.ruleId() + " " + problem.message());
    }

    private static String location(Finding finding) {
        return finding.file().displayPath() + ":" + finding.span().line() + ": ";
    }
}
