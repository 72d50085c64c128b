package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SL0016 on serverless.yml settings that become integer CloudFormation properties. */
class ServerlessNumberSettingsTest {

    @TempDir
    Path folder;

    @Test
    void nonIntegerSettingsAreReportedOnce() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                  timeout: 1e400
                  memorySize: big
                  logRetentionInDays: 14.5
                functions:
                  one:
                    handler: one.handler
                    reservedConcurrency: ten
                    events:
                      - sqs:
                          arn: arn:aws:sqs:us-east-1:123456789012:jobs
                          batchSize: 10.0
                  two:
                    handler: two.handler
                    timeout: '30'
                    memorySize: 512
                """);
        List<Finding> findings = outcome.findings();
        assertEquals(List.of("SL0016", "SL0016", "SL0016", "SL0016", "SL0016"),
                outcome.findingIds());
        assertEquals(List.of(5, 6, 7, 11, 15),
                findings.stream().map(f -> f.span().line()).toList());
        assertTrue(findings.get(0).message().startsWith("Setting 'provider.timeout' is '1e400'"),
                findings.get(0).message());
        assertTrue(findings.get(4).message().contains("'functions.one.events.0.sqs.batchSize'"),
                findings.get(4).message());
    }
}
