package dev.slens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slens scan} with a {@code .slens.yml} and with baselines. */
class ConfigScanTest {

    /** Six or more findings: a deprecated runtime (error), tracing, wildcards and logs. */
    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: nodejs16.x
                  Handler: index.handler
                  CodeUri: src/
                  Tracing: PassThrough
                  Timeout: 10
              Reports:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.14
                  Handler: app.handler
                  CodeUri: src/
                  Tracing: Active
                  Timeout: 10
                  Policies:
                    - Statement:
                        - Effect: Allow
                          Action: s3:*
                          Resource: '*'
            """;

    /** {@link #TEMPLATE} re-indented, with resources swapped, blank lines and comments added. */
    private static final String REFORMATTED = """
            # Reformatted by hand: the findings stay the same.
            Transform: AWS::Serverless-2016-10-31

            Resources:

                # The reporting function comes first now.
                Reports:
                    Type: AWS::Serverless::Function
                    Properties:
                        Runtime: python3.14
                        Handler: app.handler
                        CodeUri: src/
                        Tracing: Active   # traced
                        Timeout: 10
                        Policies:
                            -   Statement:
                                    -   Effect: Allow
                                        Action: "s3:*"   # wide on purpose
                                        Resource: "*"

                Orders:
                    Type: AWS::Serverless::Function

                    Properties:
                        Runtime: nodejs16.x  # upgrade planned
                        Handler: index.handler
                        CodeUri: src/
                        Tracing: PassThrough
                        Timeout: 10
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void configInScannedFolder_setsFailOnAndDisablesRules() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        CommandRun plain = scan(folder.toString());

        Files.writeString(folder.resolve(".slens.yml"), """
                fail-on: none
                rules:
                  disable: [SL1004]
                """);
        CommandRun configured = scan(folder.toString());

        assertEquals(4, plain.exitCode(), plain.describe());
        assertTrue(plain.out().contains("SL1004"), plain.describe());
        assertEquals(0, configured.exitCode(), configured.describe());
        assertFalse(configured.out().contains("SL1004"), configured.describe());
        assertTrue(configured.out().contains("SL1003"), configured.describe());
    }

    @Test
    void asOfInConfig_datesRuntimeDeprecation_andOptionWins() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Handler:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: app.handler
                      Runtime: python3.12
                      CodeUri: src/
                """);
        Files.writeString(folder.resolve(".slens.yml"), "as-of: 2028-11-01\n");

        CommandRun configured = CommandRun.of("scan", folder.toString(), "--base-dir",
                folder.toString());
        CommandRun overridden = CommandRun.of("scan", folder.toString(), "--base-dir",
                folder.toString(), "--as-of", "2026-12-04");

        assertEquals(4, configured.exitCode(), configured.describe());
        assertTrue(configured.out().contains("AWS deprecated on 2028-10-31"),
                configured.describe());
        assertEquals(0, overridden.exitCode(), overridden.describe());
        assertFalse(overridden.out().contains("SL1003"), overridden.describe());
    }

    @Test
    void failOnOption_winsOverConfig() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Files.writeString(folder.resolve(".slens.yml"), "fail-on: none\n");

        assertEquals(4, scan(folder.toString(), "--fail-on", "warning").exitCode());
    }

    @Test
    void severityOverride_changesExitCode() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Files.writeString(folder.resolve(".slens.yml"), "severity:\n  SL1003: warning\n");

        CommandRun run = scan(folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("warning SL1003"), run.describe());
    }

    @Test
    void reasonNotRequired_appliesBareSuppression() throws IOException {
        String suppressed = TEMPLATE.replace("    Type: AWS::Serverless::Function\n"
                + "    Properties:\n      Runtime: nodejs16.x\n",
                "    Type: AWS::Serverless::Function\n    Metadata:\n      slens:\n"
                + "        ignore: [SL1004]\n    Properties:\n      Runtime: nodejs16.x\n");
        Files.writeString(folder.resolve("template.yaml"), suppressed);
        CommandRun required = scan(folder.toString(), "--fail-on", "none");
        Files.writeString(folder.resolve(".slens.yml"),
                "suppressions:\n  require-reason: false\n");

        CommandRun optional = scan(folder.toString(), "--fail-on", "none");

        assertTrue(required.out().contains("SL0006"), required.describe());
        assertFalse(optional.out().contains("SL0006"), optional.describe());
        assertTrue(optional.out().contains("1 suppressed"), optional.describe());
    }

    @Test
    void ruleParameter_changesRuleLimit() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Timeout: 25
                      Events:
                        Get:
                          Type: Api
                          Properties:
                            Path: /orders
                            Method: get
                """);
        CommandRun defaults = scan(folder.toString(), "--fail-on", "none");
        Files.writeString(folder.resolve(".slens.yml"),
                "parameters:\n  SL1040:\n    restApiTimeoutSeconds: 20\n");

        CommandRun lowered = scan(folder.toString(), "--fail-on", "none");

        assertFalse(defaults.out().contains("SL1040"), defaults.describe());
        assertTrue(lowered.out().contains("SL1040"), lowered.describe());
    }

    @Test
    void excludeGlob_skipsFilesInFolderWalk() throws IOException {
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("tests/template.yaml"), TEMPLATE);
        Files.writeString(folder.resolve(".slens.yml"), "exclude: ['tests/**']\n");

        CommandRun run = scan(folder.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains("0 findings"), run.describe());
    }

    @Test
    void invalidConfig_exitsTwoWithPlace() throws IOException {
        Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path config = Files.writeString(folder.resolve("custom.yml"),
                "# team settings\nfail-on: high\n");

        CommandRun run = scan(folder.toString(), "--config", config.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().contains("custom.yml:2:10: 'fail-on' must be one of error, warning,"
                + " info, none; found 'high'\n"), run.describe());
        assertFalse(run.err().contains("Exception"), run.describe());
        assertEquals("", run.out(), run.describe());
    }

    @Test
    void writeBaselineOverTemplate_isRejected() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);

        CommandRun run = scan(template.toString(), "--write-baseline", template.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: baseline '" + template + "' would overwrite the"
                + " analyzed template; write it to another file"), run.describe());
        assertEquals(TEMPLATE, Files.readString(template));
    }

    @Test
    void writeBaselineWithBaseline_isRejected() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = folder.resolve("b.json");

        CommandRun run = scan(template.toString(), "--write-baseline", baseline.toString(),
                "--baseline", folder.resolve("old.json").toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertEquals("error: --write-baseline and --baseline are both given, but a scan that"
                + " writes a baseline compares against the new one; leave out --baseline",
                run.err().lines().findFirst().orElse(""), run.describe());
        assertFalse(Files.exists(baseline), "the baseline was written despite the error");
    }

    @Test
    void writeBaselineMissingFolder_namesFolder() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = folder.resolve("missing").resolve("b.json");

        CommandRun run = scan(template.toString(), "--write-baseline", baseline.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: output folder not found: '"
                + folder.resolve("missing") + "'; create it first"), run.describe());
        assertFalse(run.err().contains(".tmp"), run.describe());
    }

    @Test
    void baseline_keepsOldFindingsAfterReformat() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = folder.resolve("slens-baseline.json");
        CommandRun written = scan(template.toString(), "--write-baseline", baseline.toString());
        Files.writeString(template, REFORMATTED);

        CommandRun rescanned = scan(template.toString(), "--baseline", baseline.toString(),
                "--format", "sarif");

        int recorded = recorded(baseline);
        assertEquals(0, written.exitCode(), written.describe());
        assertTrue(recorded >= 6, "recorded " + recorded);
        assertEquals(0, rescanned.exitCode(), rescanned.describe());
        JsonNode results = JSON.readTree(rescanned.out()).at("/runs/0/results");
        assertEquals(recorded, results.size(), rescanned.out());
        for (JsonNode result : results) {
            assertEquals("unchanged", result.path("baselineState").asText(), result.toString());
        }
    }

    @Test
    void baseline_reportsOnlyNewFinding() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = folder.resolve("slens-baseline.json");
        scan(template.toString(), "--write-baseline", baseline.toString());
        Files.writeString(template, TEMPLATE.replace("Runtime: python3.14",
                "Runtime: python3.7"));

        CommandRun run = scan(template.toString(), "--baseline", baseline.toString());

        assertEquals(4, run.exitCode(), run.describe());
        assertTrue(run.out().contains("[Reports]"), run.describe());
        assertFalse(run.out().contains("[Orders]"), run.describe());
        assertTrue(run.out().contains(recorded(baseline) + " in the baseline"), run.describe());
    }

    @Test
    void baseline_marksJsonFindings() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = folder.resolve("slens-baseline.json");
        scan(template.toString(), "--write-baseline", baseline.toString());
        Files.writeString(template, TEMPLATE.replace("Runtime: python3.14",
                "Runtime: python3.7"));

        CommandRun run = scan(template.toString(), "--baseline", baseline.toString(),
                "--format", "json");

        JsonNode report = JSON.readTree(run.out());
        assertEquals(recorded(baseline), report.at("/summary/inBaseline").asInt(), run.out());
        long fresh = 0;
        for (JsonNode finding : report.path("findings")) {
            String state = finding.path("baselineState").asText();
            assertTrue(state.equals("new") || state.equals("unchanged"), finding.toString());
            fresh += state.equals("new") ? 1 : 0;
        }
        assertEquals(1, fresh, run.out());
    }

    @Test
    void baselineFromConfig_isResolvedAgainstConfigFolder() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Files.createDirectories(folder.resolve("ci"));
        scan(template.toString(), "--write-baseline",
                folder.resolve("ci/baseline.json").toString());
        Files.writeString(folder.resolve(".slens.yml"), "baseline: ci/baseline.json\n");

        CommandRun run = scan(template.toString());

        assertEquals(0, run.exitCode(), run.describe());
        assertTrue(run.out().contains(recorded(folder.resolve("ci/baseline.json"))
                + " in the baseline"), run.describe());
    }

    @Test
    void badBaseline_exitsTwoWithPlace() throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), TEMPLATE);
        Path baseline = Files.writeString(folder.resolve("b.json"), "{\n  \"version\": 1,\n  ]");

        CommandRun run = scan(template.toString(), "--baseline", baseline.toString());

        assertEquals(2, run.exitCode(), run.describe());
        assertTrue(run.err().startsWith("error: invalid baseline "), run.describe());
        assertTrue(run.err().contains("b.json:3:"), run.describe());
        assertFalse(run.err().contains("Exception"), run.describe());
    }

    /** Returns the number of findings the baseline {@code file} records. */
    private static int recorded(Path file) throws IOException {
        return JSON.readTree(file.toFile()).path("findings").size();
    }

    private CommandRun scan(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "scan";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--base-dir";
        all[args.length + 2] = folder.toString();
        all[args.length + 3] = "--today";
        all[args.length + 4] = "2026-12-01";
        return CommandRun.of(all);
    }
}
