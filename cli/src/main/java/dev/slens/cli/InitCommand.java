package dev.slens.cli;

import dev.slens.AnalyzerException;
import dev.slens.config.ConfigLoader;
import dev.slens.config.ConfigSchema;
import dev.slens.report.AtomicFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slens init}: writes a commented starting {@code .slens.yml} and its JSON Schema. */
@Command(name = "init", mixinStandardHelpOptions = true,
        versionProvider = SlensCommand.VersionProvider.class,
        modelTransformer = CommandDefaults.class,
        description = {
            "Writes a commented starting " + ConfigLoader.FILE_NAME + " that lists every setting,"
                    + " and " + InitCommand.SCHEMA_FILE_NAME + ", the JSON Schema it names on its"
                    + " first line so that editors with the YAML language server complete and"
                    + " check it."})
public final class InitCommand implements Callable<Integer>, ExitCodeHelp {

    /** The name of the schema file written beside the configuration. */
    static final String SCHEMA_FILE_NAME = ".slens.schema.json";

    /** The starting configuration. Every setting is present with its default value. */
    static final String STARTER = """
            # yaml-language-server: $schema=%s
            # slens configuration. Scans use the .slens.yml in the scanned folder or in the
            # nearest parent folder, up to the root of the git repository. Every key is
            # optional; a key left out keeps the default shown here.

            # Lowest severity that fails a scan with exit code 4: error, warning, info or none.
            # The --fail-on option wins over this.
            fail-on: error

            # Rules to switch on or off. An entry is a rule ID (SL1004), another tool's ID
            # for the same check (WS1000, CKV_AWS_116), a pillar (operational, security,
            # reliability, performance, cost, sustainability) or a tag (lambda). 'slens rules'
            # lists them. An entry naming one rule wins over a pillar or tag.
            # For example: disable: [cost, SL1004]
            rules:
              enable: []
              disable: []

            # Severity of every finding of a rule: error, warning or info.
            # For example: severity: {SL1005: info}
            severity: {}

            # Rule parameters, by rule ID and parameter name. 'slens explain ID' lists them.
            # For example: parameters: {SL1040: {restApiTimeoutSeconds: 60}}
            parameters: {}

            # Files and folders that folder scans leave out, as globs relative to this
            # file's folder. '*' matches within a folder name and '**' across folders.
            # For example: exclude: ["tests/**", "**/cdk.out"]
            exclude: []

            suppressions:
              # Whether a 'Metadata: slens: ignore' entry needs a reason to apply.
              require-reason: true

            # Baseline written by 'slens scan --write-baseline FILE', relative to this file.
            # Findings it records are reported as unchanged and do not fail a scan.
            # baseline: slens-baseline.json

            # Date that runtime end-of-support checks treat as today, so a scan gives the
            # same findings on any day. The --as-of option wins over this.
            # as-of: 2026-12-04

            # Stage and region that serverless.yml files are resolved for; --stage and
            # --region win over them. Defaults: provider.stage and provider.region, else dev
            # and us-east-1.
            # serverless:
            #   stage: prod
            #   region: eu-west-1
            """.formatted(SCHEMA_FILE_NAME);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..1", defaultValue = ".",
            description = "Folder to write the files in. Default: the current folder.")
    private Path folder;

    @Option(names = "--force", description = "Replaces existing files.")
    private boolean force;

    @Mixin
    private DebugOption logging;

    @Override
    public Integer call() {
        logging.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path config = folder.resolve(ConfigLoader.FILE_NAME);
        Path schema = folder.resolve(SCHEMA_FILE_NAME);
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                throw new AnalyzerException("'" + folder + "' is a file; name the project"
                        + " folder in which to write " + ConfigLoader.FILE_NAME);
            }
            if (!Files.isDirectory(folder)) {
                throw new AnalyzerException("folder not found: '" + folder + "'");
            }
            for (Path file : List.of(config, schema)) {
                if (Files.exists(file) && !force) {
                    throw new AnalyzerException("'" + file + "' already exists; give --force to"
                            + " replace it");
                }
            }
            write(config, STARTER);
            write(schema, ConfigSchema.text());
            out.println("Wrote " + config + " and " + schema);
            out.flush();
            return ExitCode.OK.code();
        } catch (AnalyzerException e) {
            return CommandErrors.report(err, ExitCode.USAGE, e, true, logging.debug());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "The files were written.",
                ExitCode.USAGE, "The folder does not exist, a file exists and --force is not"
                        + " given, or a file cannot be written.");
    }

    private static void write(Path file, String text) {
        try {
            AtomicFileWriter.write(file, out -> out.write(text));
        } catch (IOException e) {
            throw new AnalyzerException("failed to write '" + file + "': " + e.getMessage(), e);
        }
    }
}
