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

/**
 * Values filled in after slens reads the template, a CloudFormation dynamic reference or a text
 * template's placeholder, are unknown: no rule calls them invalid, deprecated or not a number.
 * The same template with literal values gets those findings, so the rules did run.
 */
class PlaceholderValuesTest {

    private static final List<String> JUDGED = List.of("SL0016", "SL1003", "SL1073");

    private final Analyzer analyzer = Analyzer.withRegisteredRules();

    @TempDir
    Path folder;

    @Test
    void placeholdersAreNotJudged() throws IOException {
        assertEquals(List.of(), judged(function("\"{{ runtime }}\"", "\"{{resolve:ssm:/mem}}\"",
                "\"{{ timeout }}\"")));
        assertEquals(List.of(), judged(function("\"{{resolve:ssm:/app/runtime}}\"",
                "\"{{ memory }}\"", "\"{{resolve:ssm:/app/timeout:3}}\"")));
    }

    @Test
    void literalValuesAreJudged() throws IOException {
        assertEquals(List.of("SL0016", "SL0016", "SL1003"),
                judged(function("nodejs12.x", "lots", "\"{ timeout }\"")));
        assertEquals(List.of("SL1003", "SL1073"), judged(function("\"{ runtime }\"", "128",
                "30")));
    }

    private static String function(String runtime, String memory, String timeout) {
        return "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Worker:\n"
                + "    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Runtime: " + runtime + "\n      Handler: app.handler\n"
                + "      Role: arn:aws:iam::123456789012:role/worker\n"
                + "      Code: {ZipFile: \"exports.handler = async () => 1;\"}\n"
                + "      MemorySize: " + memory + "\n      Timeout: " + timeout + "\n";
    }

    private List<String> judged(String template) throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, template);
        AnalyzerConfig config = AnalyzerConfig.builder().paths(List.of(file))
                .baseDirectory(folder).today(LocalDate.of(2026, 12, 4)).build();
        AnalysisResult result = analyzer.analyze(config);
        return result.findings().stream().map(Finding::ruleId).filter(JUDGED::contains)
                .sorted().toList();
    }
}
