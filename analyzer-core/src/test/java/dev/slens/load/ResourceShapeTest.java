package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Resources whose Properties or Type have a shape that CloudFormation rejects. */
class ResourceShapeTest {

    @Test
    void propertiesListIsReported() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse(
                "list.yaml", "Resources:\n  A:\n    Type: AWS::Serverless::Function\n"
                        + "    Properties: [1, 2]\n  Q:\n    Type: AWS::SQS::Queue\n"));

        List<Finding> shape = TestLoading.findings(assembled.problems(), "SL0018");
        assertEquals(1, shape.size(), assembled.problems().toString());
        assertEquals(4, shape.get(0).span().line());
        assertEquals(Severity.ERROR, shape.get(0).severity());
        assertEquals("A", shape.get(0).logicalId());
        assertTrue(shape.get(0).message().startsWith("Resource 'A' has Properties that are a"
                + " list, not a mapping"), shape.get(0).message());
        assertEquals(List.of("Q"), ids(assembled));
    }

    @Test
    void propertiesScalarIsReported() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse(
                "scalar.yaml", "Resources:\n  F:\n    Type: AWS::Lambda::Function\n"
                        + "    Properties: none\n"));

        List<Finding> shape = TestLoading.findings(assembled.problems(), "SL0018");
        assertEquals(1, shape.size(), assembled.problems().toString());
        assertTrue(shape.get(0).message().contains("the text 'none'"), shape.get(0).message());
        assertEquals(List.of(), ids(assembled));
    }

    @Test
    void typeMappingIsReported() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse(
                "type.yaml", "Resources:\n  A:\n    Type: {x: 1}\n"
                        + "  Q:\n    Type: AWS::SQS::Queue\n"));

        List<Finding> shape = TestLoading.findings(assembled.problems(), "SL0018");
        assertEquals(1, shape.size(), assembled.problems().toString());
        assertEquals(3, shape.get(0).span().line());
        assertEquals(List.of("Q"), ids(assembled));
    }

    @Test
    void mappingPropertiesPass() {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse(
                "fine.yaml", "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n"
                        + "  T:\n    Type: AWS::SNS::Topic\n    Properties: {}\n"));

        assertEquals(List.of(), assembled.problems());
        assertEquals(List.of("Q", "T"), ids(assembled));
    }

    private static List<String> ids(TemplateAssembler.Assembled assembled) {
        return List.copyOf(assembled.template().resources().keySet());
    }
}
