package dev.slens.load;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.internal.sam.LocalFiles;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code Fn::ForEach} loops in the Resources section, expanded by {@link TemplateAssembler}. */
class ForEachExpanderTest {

    @Test
    void loopUnderTransformListIsSam() {
        LoadResult result = TestLoading.resource("foreach.yaml");

        assertEquals(TemplateFormat.SAM, FormatDetector.detect(result.root()));
    }

    @Test
    void loopCreatesOneResourcePerItem() {
        TemplateAssembler.Assembled assembled =
                TestLoading.assemble(TestLoading.resource("foreach.yaml"));
        Template template = assembled.template();

        assertEquals(List.of(), assembled.problems());
        assertEquals("AWS::Lambda::Function", template.resource("BillingFunction").type());
        assertEquals("AWS::Lambda::Function", template.resource("ShippingFunction").type());
        assertEquals("AWS::Lambda::Function", template.resource("ReportFunction").type());
    }

    @Test
    void copiesPointAtTemplatedLogicalId() {
        Template template = TestLoading.assemble(TestLoading.resource("foreach.yaml")).template();

        assertStartsAt(9, 7, template.resource("BillingFunction").span());
        assertStartsAt(9, 7, template.resource("ShippingFunction").span());
        assertStartsAt(17, 3, template.resource("ReportFunction").span());
    }

    @Test
    void identifierIsReplacedInSubAndRef() {
        Resource shipping = TestLoading.assemble(TestLoading.resource("foreach.yaml")).template()
                .resource("ShippingFunction");

        assertEquals("Shipping.handler",
                shipping.property("Handler").asMap().getText("Fn::Sub"));
        assertEquals("Shipping", shipping.property("Environment").asMap().getMap("Variables")
                .getText("WORKER"));
        assertStartsAt(16, 23, shipping.property("Environment").asMap().getMap("Variables")
                .get("WORKER").span());
    }

    @Test
    void ampersandFormDropsNonAlphanumerics() {
        Template template = TestLoading.template("t.yaml", """
                Resources:
                  Fn::ForEach::Topics:
                    - Name
                    - [order-events, audit.log]
                    - "&{Name}Topic":
                        Type: AWS::SNS::Topic
                """);

        assertEquals(List.of("ordereventsTopic", "auditlogTopic"),
                List.copyOf(template.resources().keySet()));
    }

    @Test
    void nestedLoopIsExpanded() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Resources:
                  Fn::ForEach::Stages:
                    - Stage
                    - [Dev, Prod]
                    - Fn::ForEach::Queues:
                        - Queue
                        - [Orders, Refunds]
                        - ${Stage}${Queue}Queue:
                            Type: AWS::SQS::Queue
                            Properties:
                              QueueName: !Sub "${Stage}-${Queue}"
                """));
        Template template = assembled.template();

        assertEquals(List.of(), assembled.problems());
        assertEquals(List.of("DevOrdersQueue", "DevRefundsQueue", "ProdOrdersQueue",
                "ProdRefundsQueue"), List.copyOf(template.resources().keySet()));
        assertEquals("Prod-Refunds", template.resource("ProdRefundsQueue")
                .property("QueueName").asMap().getText("Fn::Sub"));
        assertStartsAt(8, 11, template.resource("ProdRefundsQueue").span());
    }

    @Test
    void loopOverParameterIsReportedNotSkipped() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Parameters:
                  Names:
                    Type: CommaDelimitedList
                Resources:
                  Fn::ForEach::Queues:
                    - Name
                    - !Ref Names
                    - ${Name}Queue:
                        Type: AWS::SQS::Queue
                  Other:
                    Type: AWS::SQS::Queue
                """));

        assertEquals(1, assembled.problems().size());
        Finding warning = assembled.problems().get(0);
        assertEquals(EngineChecks.UNSUPPORTED.id(), warning.ruleId());
        assertEquals("Loop 'Fn::ForEach::Queues' was not expanded because its collection is not"
                + " a literal list, so the resources it creates were not analyzed.",
                warning.message());
        assertStartsAt(5, 3, warning.span());
        assertEquals(List.of("Other"), List.copyOf(assembled.template().resources().keySet()));
    }

    @Test
    void malformedLoopIsReported() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse("t.yaml", """
                Resources:
                  Fn::ForEach::Broken:
                    - Name
                    - [A, B]
                  Other:
                    Type: AWS::SQS::Queue
                """));

        assertEquals(1, assembled.problems().size());
        Finding error = assembled.problems().get(0);
        assertEquals(EngineChecks.MALFORMED_INTRINSIC.id(), error.ruleId());
        assertEquals("Fn::ForEach takes a list of 3 values: an identifier, a collection (a list"
                + " or a function that returns one) and a mapping of output keys to values, but"
                + " here it is a list of 2 values. CloudFormation rejects the template, and rules"
                + " may not check this value. Fix the arguments.", error.message());
        assertStartsAt(2, 3, error.span());
        assertNull(assembled.template().resource("Fn::ForEach::Broken"));
    }

    /** Returns a template with {@code depth} nested loops of {@code items} items each. */
    private static String nestedLoops(int depth, int items) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            names.add("i" + i);
        }
        StringBuilder yaml = new StringBuilder("Transform: AWS::LanguageExtensions\nResources:\n"
                + "  Kept:\n    Type: AWS::SQS::Queue\n");
        StringBuilder id = new StringBuilder("Q");
        String indent = "  ";
        for (int level = 0; level < depth; level++) {
            yaml.append(indent).append("Fn::ForEach::L").append(level).append(":\n")
                    .append(indent).append("  - V").append(level).append('\n')
                    .append(indent).append("  - [").append(String.join(", ", names)).append("]\n")
                    .append(indent).append("  -\n");
            id.append("${V").append(level).append('}');
            indent += "    ";
        }
        yaml.append(indent).append(id).append(":\n").append(indent)
                .append("  Type: AWS::SQS::Queue\n");
        return yaml.toString();
    }

    @Test
    @Timeout(10)
    void loopPastResourceLimitStops() {
        LoadResult loaded = TestLoading.parse("explode.yaml", nestedLoops(5, 30));

        TemplateAssembler.Assembled assembled = TestLoading.assemble(loaded);

        List<Finding> tooLarge = TestLoading.findings(assembled.problems(),
                EngineChecks.PARSE_ERROR.id());
        assertEquals(1, tooLarge.size(), () -> "problems: " + assembled.problems());
        assertStartsAt(5, 3, tooLarge.get(0).span());
        assertTrue(tooLarge.get(0).message().contains("more than 20000 resources"),
                tooLarge.get(0).message());
        assertEquals(List.of("Kept"), assembled.template().resources().values().stream()
                .map(Resource::logicalId).toList());
    }

    @Test
    @Timeout(10)
    void loopPastNodeLimitStops() {
        LoadResult loaded = TestLoading.parse("wide.yaml", nestedLoops(2, 20));
        LoadLimits limits = new LoadLimits(1_000_000, 200, 2_000, 1_000, 20_000);

        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), TemplateFormat.CLOUDFORMATION, new LocalFiles(null, limits));

        List<Finding> tooLarge = TestLoading.findings(assembled.problems(),
                EngineChecks.PARSE_ERROR.id());
        assertEquals(1, tooLarge.size(), () -> "problems: " + assembled.problems());
        assertTrue(tooLarge.get(0).message().contains("more than 1000 nodes"),
                tooLarge.get(0).message());
    }

    @Test
    void loopWithinLimitsIsExpanded() {
        LoadResult loaded = TestLoading.parse("fine.yaml", nestedLoops(2, 30));

        TemplateAssembler.Assembled assembled = TestLoading.assemble(loaded);

        assertEquals(List.of(), assembled.problems());
        assertEquals(901, assembled.template().resources().size());
    }
}
