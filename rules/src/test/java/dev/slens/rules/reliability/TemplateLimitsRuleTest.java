package dev.slens.rules.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.Analyzer;
import dev.slens.AnalyzerConfig;
import dev.slens.engine.RuleRegistry;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template body sizes around the 1 MB quota, too large to keep as fixture files. */
class TemplateLimitsRuleTest {

    private static final int ONE_MB = 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void bodyOverOneMegabyteReported() throws IOException {
        List<Finding> findings = analyze(templateOfSize(ONE_MB + 1));

        assertEquals(1, findings.size());
        Finding finding = findings.get(0);
        assertEquals(1, finding.span().line());
        assertTrue(finding.message().contains("has " + (ONE_MB + 1) + " bytes"),
                finding.message());
    }

    @Test
    void bodyOfExactlyOneMegabyteAccepted() throws IOException {
        assertEquals(List.of(), analyze(templateOfSize(ONE_MB)));
    }

    @Test
    void serverlessServiceBodyNotMeasured() throws IOException {
        StringBuilder text = new StringBuilder("service: orders\nprovider:\n  name: aws\n"
                + "  runtime: python3.13\ncustom:\n  padding: ");
        text.append("x".repeat(ONE_MB + 10)).append('\n');
        Path file = folder.resolve("serverless.yml");
        Files.writeString(file, text);

        assertEquals(List.of(), run(file));
    }

    /**
     * Returns a CloudFormation template of exactly {@code size} bytes: one queue and a comment
     * line that fills the rest.
     */
    private static String templateOfSize(int size) {
        String head = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Queue:\n"
                + "    Type: AWS::SQS::Queue\n# ";
        String tail = "\n";
        return head + "x".repeat(size - head.length() - tail.length()) + tail;
    }

    private List<Finding> analyze(String template) throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, template);
        assertEquals(template.length(), Files.size(file));
        return run(file);
    }

    private List<Finding> run(Path file) {
        Analyzer analyzer = new Analyzer(new RuleRegistry(List.of(new TemplateLimitsRule())));
        return analyzer.analyze(AnalyzerConfig.builder().path(file).baseDirectory(folder)
                .today(LocalDate.of(2026, 12, 4)).build()).findings();
    }
}
