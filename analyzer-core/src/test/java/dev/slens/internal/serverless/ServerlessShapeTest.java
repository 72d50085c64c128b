package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SL0021 on serverless.yml sections whose shape the framework's schema does not allow. */
class ServerlessShapeTest {

    @TempDir
    Path folder;

    @Test
    void functionsListIsReported() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider: aws
                functions: [1, 2]
                """);

        assertEquals(List.of("SL0021"), outcome.findingIds());
        Finding finding = outcome.findings().get(0);
        assertEquals(3, finding.span().line());
        assertEquals(Severity.ERROR, finding.severity());
        assertTrue(finding.message().startsWith("Section 'functions' is a list, not a mapping"),
                finding.message());
    }

    @Test
    void eventsScalarIsReportedAndRestAnalyzed() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                  runtime: python3.13
                functions:
                  one:
                    handler: one.handler
                    events: 5
                  two: none
                  three:
                    handler: three.handler
                """);

        assertEquals(List.of("SL0021", "SL0021"), outcome.findingIds());
        assertEquals(List.of(8, 9),
                outcome.findings().stream().map(f -> f.span().line()).toList());
        assertTrue(outcome.findings().get(0).message().startsWith("Setting 'functions.one.events'"
                + " is the value '5', not a list"), outcome.findings().get(0).message());
        assertTrue(outcome.findings().get(1).message().startsWith("Function 'two' is the text"
                + " 'none', not a mapping"), outcome.findings().get(1).message());
        assertTrue(outcome.has("OneLambdaFunction"), outcome.ids().toString());
        assertTrue(outcome.has("ThreeLambdaFunction"), outcome.ids().toString());
    }

    @Test
    void emptyEventsAndFunctionsPass() {
        ServerlessTesting.Outcome outcome = ServerlessTesting.expand(folder, """
                service: orders
                provider: aws
                functions:
                  one:
                    handler: one.handler
                    events:
                """);

        assertEquals(List.of(), outcome.findingIds());
    }
}
