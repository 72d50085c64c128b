package dev.slens.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.engine.Engine;
import dev.slens.index.TemplateIndex;
import dev.slens.load.TestLoading;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleParameterTest {

    private static final String TEMPLATE = """
            Resources:
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Timeout: 120
            """;

    /** Reports functions whose timeout is above its {@code maxTimeout} parameter. */
    @RuleInfo(id = "SL9999", name = "TestTimeoutCeiling", summary = "Timeouts stay short",
            severity = Severity.WARNING, pillar = Pillar.RELIABILITY,
            resourceTypes = "AWS::Lambda::Function", since = "0.1.0",
            sourceUrl = "https://docs.aws.amazon.com/lambda/",
            parameters = @RuleParameter(name = "maxTimeout", defaultValue = "60",
                    description = "The largest timeout accepted, in seconds.", min = 1,
                    max = 900))
    static final class TimeoutCeilingRule implements Rule {
        @Override
        public List<Finding> check(RuleContext context) {
            List<Finding> findings = new ArrayList<>();
            int ceiling = context.intParameter("maxTimeout");
            for (Resource function : context.index().functions()) {
                String timeout = function.property("Timeout").text();
                if (Integer.parseInt(timeout) > ceiling) {
                    findings.add(context.finding(function.span(), function.logicalId(),
                            "Timeout " + timeout + " is above " + ceiling + "."));
                }
            }
            return findings;
        }
    }

    private static final Template WORKER = TestLoading.template("worker.yaml", TEMPLATE);

    @Test
    void metadataListsDeclaredParameter() {
        RuleMetadata metadata = RuleMetadata.of(TimeoutCeilingRule.class);
        assertEquals(List.of(new RuleMetadata.Parameter("maxTimeout", "60",
                "The largest timeout accepted, in seconds.", 1, 900)), metadata.parameters());
    }

    @Test
    void defaultAppliesWithoutConfiguration() {
        List<Finding> findings = new Engine(List.of(new TimeoutCeilingRule()),
                LocalDate.of(2026, 1, 1)).run(WORKER);
        assertEquals(1, findings.size());
        assertEquals("Timeout 120 is above 60.", findings.get(0).message());
    }

    @Test
    void configuredValueReplacesDefault() {
        List<Finding> findings = new Engine(List.of(new TimeoutCeilingRule()),
                LocalDate.of(2026, 1, 1), Map.of("SL9999", Map.of("maxTimeout", "300")))
                .run(WORKER);
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void nonNumericValueFailsRule() {
        List<Finding> findings = new Engine(List.of(new TimeoutCeilingRule()),
                LocalDate.of(2026, 1, 1), Map.of("SL9999", Map.of("maxTimeout", "long")))
                .run(WORKER);
        assertEquals(EngineChecks.RULE_FAILURE.id(), findings.get(0).ruleId());
        assertTrue(findings.get(0).message().contains(
                "Parameter 'maxTimeout' of rule SL9999 must be a whole number, not 'long'"),
                findings.get(0).message());
    }

    @Test
    void outOfRangeValueFailsRule() {
        List<Finding> findings = new Engine(List.of(new TimeoutCeilingRule()),
                LocalDate.of(2026, 1, 1), Map.of("SL9999", Map.of("maxTimeout", "0")))
                .run(WORKER);
        assertEquals(EngineChecks.RULE_FAILURE.id(), findings.get(0).ruleId());
        assertTrue(findings.get(0).message().contains(
                "Parameter 'maxTimeout' of rule SL9999 must be from 1 to 900, not 0"),
                findings.get(0).message());
    }

    @Test
    void undeclaredParameterIsRejected() {
        RuleContext context = new RuleContext(RuleMetadata.of(TimeoutCeilingRule.class),
                new TemplateIndex(WORKER), LocalDate.of(2026, 1, 1));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> context.parameter("minTimeout"));
        assertEquals("Rule SL9999 declares no parameter 'minTimeout'", error.getMessage());
    }
}
