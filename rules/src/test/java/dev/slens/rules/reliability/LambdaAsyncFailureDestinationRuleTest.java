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

class LambdaAsyncFailureDestinationRuleTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              IsProd: !Equals [!Ref AWS::Region, eu-west-1]
              IsDev: !Equals [!Ref AWS::Region, eu-west-2]
            Resources:
              Notify:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: notify.handler
                  CodeUri: src/
                  DeadLetterQueue: !If
                    - IsProd
                    - {Type: SQS, TargetArn: arn:aws:sqs:eu-west-1:123456789012:dlq}
                    - !Ref AWS::NoValue
                  EventInvokeConfig: !If
                    - IsDev
                    - {DestinationConfig: {OnFailure: {Type: SQS}}}
                    - !Ref AWS::NoValue
                  Events:
                    Topic:
                      Type: SNS
                      Properties:
                        Topic: arn:aws:sns:eu-west-1:123456789012:orders
            """;

    @TempDir
    Path folder;

    @Test
    void conditionsOfTwoCapturesJoinedWithAnd() throws IOException {
        Path template = folder.resolve("template.yaml");
        Files.writeString(template, TEMPLATE);
        Analyzer analyzer = new Analyzer(new RuleRegistry(
                List.of(new LambdaAsyncFailureDestinationRule())));

        List<Finding> findings = analyzer.analyze(AnalyzerConfig.builder().path(template)
                .baseDirectory(folder).today(LocalDate.of(2026, 12, 4)).build()).findings();

        assertEquals(1, findings.size());
        assertTrue(findings.get(0).message().contains("(when condition 'IsProd' is false and"
                + " condition 'IsDev' is false)"), findings.get(0).message());
    }
}
