package dev.slens;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.engine.RuleRegistry;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules run: those on by default, those switched on, minus those switched off. */
class RuleSelectionTest {

    /** Reports every queue; on by default. */
    @RuleInfo(id = "SL9901", name = "EveryQueue", summary = "Reports every queue",
            severity = Severity.INFO, pillar = Pillar.RELIABILITY,
            resourceTypes = "AWS::SQS::Queue", since = "0.1.0",
            sourceUrl = "https://docs.aws.amazon.com/sqs/")
    static final class EveryQueueRule implements Rule {
        @Override
        public List<Finding> check(RuleContext context) {
            return queues(context);
        }
    }

    /** Reports every queue; off until the configuration switches it on. */
    @RuleInfo(id = "SL9902", name = "EveryQueueOptIn", summary = "Reports every queue",
            severity = Severity.INFO, pillar = Pillar.RELIABILITY,
            resourceTypes = "AWS::SQS::Queue", since = "0.1.0",
            sourceUrl = "https://docs.aws.amazon.com/sqs/", enabledByDefault = false)
    static final class OptInQueueRule implements Rule {
        @Override
        public List<Finding> check(RuleContext context) {
            return queues(context);
        }
    }

    private static List<Finding> queues(RuleContext context) {
        return context.template().resources().values().stream()
                .filter(resource -> resource.type().equals("AWS::SQS::Queue"))
                .map((Resource queue) -> context.finding(queue.span(), queue.logicalId(),
                        "Queue '" + queue.logicalId() + "'."))
                .toList();
    }

    private final Analyzer analyzer = new Analyzer(new RuleRegistry(
            List.of(new EveryQueueRule(), new OptInQueueRule())));

    @TempDir
    Path folder;

    @Test
    void defaultRulesRunWithoutConfiguration() throws IOException {
        AnalysisResult result = analyze(AnalyzerConfig.builder());

        assertEquals(List.of("SL9901"), ruleIds(result));
        assertEquals(List.of("SL9901"), ranRules(result));
    }

    @Test
    void enabledRunsDisabledDoesNot() throws IOException {
        AnalysisResult result = analyze(AnalyzerConfig.builder().enableRule("SL9902")
                .disableRule("SL9901"));

        assertEquals(List.of("SL9902"), ruleIds(result));
        assertEquals(List.of("SL9902"), ranRules(result));
    }

    @Test
    void disablingWinsOverEnabling() throws IOException {
        AnalysisResult result = analyze(AnalyzerConfig.builder().enableRule("SL9902")
                .disableRule("SL9902"));

        assertEquals(List.of("SL9901"), ruleIds(result));
    }

    private AnalysisResult analyze(AnalyzerConfig.Builder builder) throws IOException {
        Files.writeString(folder.resolve("queue.yaml"),
                "Resources:\n  Jobs:\n    Type: AWS::SQS::Queue\n");
        return analyzer.analyze(builder.path(folder).baseDirectory(folder).threads(1).build());
    }

    private static List<String> ruleIds(AnalysisResult result) {
        return result.findings().stream().map(Finding::ruleId).toList();
    }

    private static List<String> ranRules(AnalysisResult result) {
        return result.rules().stream().map(RuleMetadata::id)
                .filter(id -> id.startsWith("SL99")).toList();
    }
}
