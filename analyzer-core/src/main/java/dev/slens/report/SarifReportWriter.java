package dev.slens.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a SARIF 2.1.0 log in the shape GitHub code scanning accepts: one run, the metadata of
 * every rule, and results whose artifact URIs are relative to the source root (normally the
 * repository root) and percent-encoded. The output has no timestamps or absolute paths, so equal
 * results give equal bytes; it uses LF line breaks on every platform.
 */
public final class SarifReportWriter implements ReportWriter {

    /** The SchemaStore URL of the final SARIF 2.1.0 schema, which GitHub code scanning accepts. */
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";

    /**
     * The AWS Well-Architected Serverless Applications Lens, whose best practices the rules
     * check. slens has no home page of its own yet, and the rules' help links point at AWS
     * documentation too.
     */
    static final String INFORMATION_URI = "https://docs.aws.amazon.com/wellarchitected/latest/"
            + "serverless-applications-lens/welcome.html";

    private static final String TOOL_NAME = "slens";
    private static final String TOOL_FULL_NAME =
            "slens static analyzer for AWS serverless templates";
    private static final Pattern SEMANTIC_VERSION =
            Pattern.compile("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> PROCESSING_ERRORS =
            Set.of(EngineChecks.PARSE_ERROR.id(), EngineChecks.RULE_FAILURE.id());

    private final ObjectWriter json;
    private final ReportOptions options;

    /** Creates a writer that keeps every path as the scan displays it. */
    public SarifReportWriter() {
        this(ReportOptions.DEFAULT);
    }

    /**
     * Creates a writer that makes artifact URIs relative to the source root of {@code options},
     * indents with two spaces and writes {@code "key": value}.
     */
    public SarifReportWriter(ReportOptions options) {
        this.options = options;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators)
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        this.json = new ObjectMapper().writer(printer)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        json.writeValue(out, log(result));
        out.write('\n');
        out.flush();
    }

    /** Builds the whole log as a JSON tree. */
    ObjectNode log(AnalysisResult result) {
        ObjectNode log = NODES.objectNode();
        log.put("$schema", SCHEMA_URI);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        run.putObject("tool").set("driver", driver(result));

        Map<String, Integer> ruleIndexes = new HashMap<>();
        for (RuleMetadata rule : result.rules()) {
            ruleIndexes.putIfAbsent(rule.id(), ruleIndexes.size());
        }
        Map<String, Integer> artifactIndexes = new HashMap<>();
        SarifResults results = new SarifResults(ruleIndexes, artifactIndexes, options);
        ArrayNode artifacts = NODES.arrayNode();
        for (SourceFile file : result.files()) {
            if (artifactIndexes.putIfAbsent(file.displayPath(), artifacts.size()) == null) {
                ObjectNode artifact = artifacts.addObject();
                artifact.set("location", results.artifactLocation(file.displayPath()));
                artifact.putArray("roles").add("analysisTarget");
            }
        }

        run.set("originalUriBaseIds", originalUriBaseIds());
        run.set("invocations", NODES.arrayNode().add(invocation(result, results)));
        if (!artifacts.isEmpty()) {
            run.set("artifacts", artifacts);
        }
        run.put("columnKind", "utf16CodeUnits");
        ArrayNode resultNodes = run.putArray("results");
        for (Finding finding : result.findings()) {
            resultNodes.add(results.result(finding));
        }
        return log;
    }

    private static ObjectNode driver(AnalysisResult result) {
        ObjectNode driver = NODES.objectNode();
        driver.put("name", TOOL_NAME);
        driver.put("fullName", TOOL_FULL_NAME);
        String version = result.toolVersion();
        if (version != null && !version.isBlank()) {
            driver.put("version", version);
            if (SEMANTIC_VERSION.matcher(version).matches()) {
                driver.put("semanticVersion", version);
            }
        }
        driver.put("informationUri", INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Boolean> seen = new HashMap<>();
        for (RuleMetadata rule : result.rules()) {
            if (seen.putIfAbsent(rule.id(), Boolean.TRUE) == null) {
                rules.add(SarifRules.descriptor(rule));
            }
        }
        return driver;
    }

    /**
     * Defines {@code %SRCROOT%}, the base of every artifact URI, by a description only. Its
     * absolute URI would put the scanning machine's folder layout into the log and make the
     * output depend on where slens ran, so viewers resolve the relative URIs themselves.
     */
    private static ObjectNode originalUriBaseIds() {
        ObjectNode bases = NODES.objectNode();
        bases.putObject(SarifResults.URI_BASE_ID).putObject("description").put("text",
                "The folder that artifact URIs are relative to: the root of the repository"
                        + " that holds the scanned files (the nearest folder with a .git entry,"
                        + " or the CLI's --source-root), or the scan's base folder when the"
                        + " files are in no repository.");
        return bases;
    }

    /**
     * Builds the invocation. Skipped files become notes in {@code toolExecutionNotifications}.
     * Files that failed to parse and rules that failed become error notifications there, in
     * addition to their SL0001 and SL0003 results, and make the execution unsuccessful.
     */
    private static ObjectNode invocation(AnalysisResult result, SarifResults results) {
        ObjectNode invocation = NODES.objectNode();
        invocation.put("executionSuccessful", !result.hasProcessingErrors());
        ArrayNode notifications = NODES.arrayNode();
        for (Finding finding : result.findings()) {
            if (PROCESSING_ERRORS.contains(finding.ruleId())) {
                notifications.add(results.notification(finding));
            }
        }
        for (String path : result.skipped()) {
            ObjectNode notification = notifications.addObject();
            notification.put("level", "note");
            notification.putObject("message").put("text",
                    "Skipped '" + path + "' because it is neither CloudFormation, SAM nor a"
                            + " Serverless Framework service.");
            notification.putArray("locations").addObject().putObject("physicalLocation")
                    .set("artifactLocation", results.artifactLocation(path));
        }
        if (!notifications.isEmpty()) {
            invocation.set("toolExecutionNotifications", notifications);
        }
        return invocation;
    }
}
