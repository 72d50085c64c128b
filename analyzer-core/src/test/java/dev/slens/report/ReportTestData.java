package dev.slens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-built analysis results for the report writer tests. */
final class ReportTestData {

    static final RuleMetadata TIMEOUT = new RuleMetadata("SL1001", "FunctionTimeoutMissing",
            "Functions set an explicit timeout", Severity.WARNING, Pillar.RELIABILITY,
            List.of("AWS::Lambda::Function"), "0.1.0",
            "https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
            List.of("lambda", "reliability"), List.of("ES1004"), true);

    static final RuleMetadata URL_AUTH = new RuleMetadata("SL2001", "FunctionUrlWithoutAuth",
            "Function URLs require IAM authentication", Severity.ERROR, Pillar.SECURITY,
            List.of("AWS::Lambda::Url"), "0.1.0",
            "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
            List.of("lambda"), List.of(), true);

    static final RuleMetadata TRACING = new RuleMetadata("SL3001", "TracingDisabled",
            "Functions have X-Ray tracing switched on", Severity.INFO,
            Pillar.OPERATIONAL_EXCELLENCE, List.of("AWS::Lambda::Function"), "0.1.0",
            "https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html",
            List.of(), List.of(), true);

    /** Lines of a small SAM template. Line 5 has non-ASCII text and line 6 a {@code Runtime}. */
    static final List<String> TEMPLATE_LINES = List.of(
            "Transform: AWS::Serverless-2016-10-31",
            "Resources:",
            "  MainFunction:",
            "    Type: AWS::Serverless::Function",
            "    Properties: # café résumé",
            "      Runtime: python3.12",
            "      Handler: app.handler",
            "");

    private ReportTestData() {
    }

    static SourceFile file(String displayPath, List<String> lines) {
        return new SourceFile(Path.of("/scan").resolve(displayPath), displayPath, lines);
    }

    static Finding finding(RuleMetadata rule, SourceFile file, SourceSpan span, String logicalId,
            String message) {
        return new Finding(rule.id(), rule.severity(), message, file, span, logicalId, List.of());
    }

    /** Returns {@code finding} suppressed in source on {@code line}, with {@code reason}. */
    static Finding suppressed(Finding finding, int line, String reason) {
        return finding.withSuppression(new Suppression(Suppression.Kind.IN_SOURCE, reason,
                new SourceSpan(line, 9, line, 15)));
    }

    static List<RuleMetadata> allRules() {
        List<RuleMetadata> rules = new ArrayList<>(EngineChecks.ALL);
        rules.addAll(List.of(TIMEOUT, URL_AUTH, TRACING));
        return rules;
    }

    static AnalysisResult result(List<SourceFile> files, List<Finding> findings) {
        return new AnalysisResult(findings, files, allRules(), List.of(), "0.1.0-SNAPSHOT");
    }

    /** Returns a result with one missing-timeout finding on line 5 of {@code file}. */
    static AnalysisResult timeoutResult(SourceFile file) {
        Finding timeout = finding(TIMEOUT, file, new SourceSpan(5, 5, 5, 15), "MainFunction",
                "Function 'MainFunction' has no Timeout; set Timeout to at most 30 seconds.");
        return result(List.of(file), List.of(timeout));
    }

    static String write(ReportWriter writer, AnalysisResult result) {
        StringWriter out = new StringWriter();
        try {
            writer.write(result, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static JsonNode sarif(AnalysisResult result) {
        try {
            JsonNode log = new ObjectMapper().readTree(write(new SarifReportWriter(), result));
            SarifSchemaCheck.assertValid(log);
            return log;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
