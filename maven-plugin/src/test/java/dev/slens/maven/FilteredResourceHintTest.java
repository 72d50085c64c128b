package dev.slens.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilteredResourceHintTest {

    private static final String FILTERED_JSON = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Timeout": ${lambda.timeout},
                    "Handler": "app.handler"
                  }
                }
              }
            }
            """;

    @TempDir
    private Path base;

    @Test
    void placeholderNearParseError_namesFilteredCopy() throws IOException {
        AnalysisResult result = analyze("src/main/resources/template.json", FILTERED_JSON);

        List<String> hints = FilteredResourceHint.hints(result, base);

        assertEquals(List.of("'src/main/resources/template.json' has the placeholder"
                + " '${lambda.timeout}' near its parse error, so it may be a template that Maven"
                + " resource filtering fills in. To analyze the filtered copy, set the paths"
                + " parameter to target/classes, which the process-resources phase writes"
                + " before verify; to leave the file out, add its path to 'exclude' in"
                + " .slens.yml."), hints);
    }

    @Test
    void processingErrors_showsHintBeforeReports() throws IOException {
        AnalysisResult result = analyze("src/main/resources/template.json", FILTERED_JSON);

        String message = FindingSummary.processingErrors(result,
                List.of(Path.of("target/slens/slens.sarif")),
                FilteredResourceHint.hints(result, base));

        List<String> lines = message.lines().toList();
        assertTrue(lines.get(0).startsWith("slens could not analyze 1 file:"), message);
        assertTrue(lines.get(1).contains("SL0001"), message);
        assertTrue(lines.get(2).startsWith("'src/main/resources/template.json' has the"
                + " placeholder"), message);
        assertEquals("Reports: target/slens/slens.sarif", lines.get(3), message);
    }

    @Test
    void atPlaceholderYaml_getsHint() throws IOException {
        AnalysisResult result = analyze("src/main/resources/template.yaml",
                "AWSTemplateFormatVersion: '2010-09-09'\nDescription: @project.version@\n"
                        + "Resources: {}\n");

        List<String> hints = FilteredResourceHint.hints(result, base);

        assertEquals(1, hints.size(), result.findings().toString());
        assertTrue(hints.get(0).contains("'@project.version@'"), hints.get(0));
    }

    @Test
    void outsideResources_getsNoHint() throws IOException {
        AnalysisResult result = analyze("template.json", FILTERED_JSON);

        assertEquals(List.of(), FilteredResourceHint.hints(result, base));
    }

    @Test
    void errorFarFromPlaceholder_getsNoHint() throws IOException {
        String broken = "{\n  \"Description\": \"${project.version}\",\n"
                + "  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n  \"Metadata\": {},\n"
                + "  \"Outputs\": {},\n  \"Resources\": {\n    \"Orders\": [\n  }\n}\n";
        AnalysisResult result = analyze("src/main/resources/template.json", broken);

        assertTrue(result.hasProcessingErrors(), result.findings().toString());
        assertEquals(List.of(), FilteredResourceHint.hints(result, base));
    }

    private AnalysisResult analyze(String relativePath, String content) throws IOException {
        Path file = base.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return Analyzer.withRegisteredRules().analyze(AnalyzerConfig.builder()
                .path(base.resolve(relativePath).getParent()).baseDirectory(base).threads(1)
                .build());
    }
}
