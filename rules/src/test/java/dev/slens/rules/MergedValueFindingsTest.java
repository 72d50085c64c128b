package dev.slens.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule's findings for each allowed value of one parameter merge into one finding. */
class MergedValueFindingsTest {

    @TempDir
    Path folder;

    private List<Finding> runtimeFindings(String allowedValues) throws IOException {
        Path template = Files.writeString(folder.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Runtime:
                    Type: String
                    Default: python3.7
                    AllowedValues: %s
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: !Ref Runtime
                      Handler: app.handler
                      CodeUri: src/
                """.formatted(allowedValues));
        AnalysisResult result = Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder()
                .paths(List.of(template)).baseDirectory(folder)
                .today(LocalDate.of(2026, 12, 4)).build());
        return result.findings().stream().filter(f -> f.ruleId().equals("SL1003")).toList();
    }

    @Test
    void sameMessageValuesMergeWithParameter() throws IOException {
        List<Finding> findings = runtimeFindings("[python3.7, nodejs14.x, python3.8]");

        assertEquals(2, findings.size(), findings.toString());
        Finding merged = findings.get(0);
        assertEquals("Function 'Worker' sets Runtime 'python3.7' or 'nodejs14.x' (through"
                + " parameter 'Runtime'), which AWS deprecated on 2023-12-04; creating functions"
                + " with it has been blocked since 2024-01-09, and updating them is blocked from"
                + " 2027-03-03. Set Runtime to a supported version of the language.",
                merged.message());
        assertEquals(12, merged.span().line());
        assertEquals(1, merged.related().size());
        assertEquals("Parameter 'Runtime' allows 'python3.7' and 'nodejs14.x'",
                merged.related().get(0).message());
        assertEquals(4, merged.related().get(0).span().line());
    }

    @Test
    void differentDatesStaySeparate() throws IOException {
        List<Finding> findings = runtimeFindings("[python3.7, python3.8]");

        assertEquals(2, findings.size(), findings.toString());
        assertEquals(List.of(), findings.get(0).related());
        assertEquals(List.of(), findings.get(1).related());
    }
}
