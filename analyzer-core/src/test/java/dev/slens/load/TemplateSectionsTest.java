package dev.slens.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.rule.Finding;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Top-level sections whose kind CloudFormation rejects, each reported at its key. */
class TemplateSectionsTest {

    private static final String RESOURCES = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n";
    private static final String SAM = "Transform: AWS::Serverless-2016-10-31\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Parameters: [a, b]|1|Section 'Parameters' is a list, not a mapping",
        "Parameters: {P: 5}|1|Parameters entry 'P' is the value '5', not a mapping",
        "Conditions: x|1|Section 'Conditions' is the text 'x', not a mapping",
        "Outputs: 5|1|Section 'Outputs' is the value '5', not a mapping",
        "Mappings: [1]|1|Section 'Mappings' is a list, not a mapping",
        "Metadata: 7|1|Section 'Metadata' is the value '7', not a mapping",
        "Rules: 9|1|Section 'Rules' is the value '9', not a mapping",
        "Transform: 42|1|Transform is the value '42', not a macro name",
        "Transform: [1, {a: b}]|1|Transform is a list, not a macro name",
        "Outputs:\\n  Url: text|2|Outputs entry 'Url' is the text 'text', not a mapping",
    })
    void wrongKindIsReported(String section, int line, String message) {
        List<Finding> shape = shapeFindings(section.replace("\\n", "\n") + "\n" + RESOURCES);

        assertEquals(1, shape.size(), shape.toString());
        assertEquals(line, shape.get(0).span().line());
        assertTrue(shape.get(0).message().startsWith(message), shape.get(0).message());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Globals: x|2|Section 'Globals' is the text 'x', not a mapping",
        "Globals: [1, 2]|2|Section 'Globals' is a list, not a mapping",
        "Globals:\\n  Function: str|3|Globals entry 'Function' is the text 'str', not a mapping",
    })
    void wrongSamGlobalsAreReported(String section, int line, String message) {
        List<Finding> shape = shapeFindings(SAM + section.replace("\\n", "\n") + "\n"
                + RESOURCES);

        assertEquals(1, shape.size(), shape.toString());
        assertEquals(line, shape.get(0).span().line());
        assertTrue(shape.get(0).message().startsWith(message), shape.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Parameters:\n  P: {Type: String}\nOutputs:\n  O: {Value: x}\n",
        "Transform: [AWS::Serverless-2016-10-31,\n"
            + "  {Name: AWS::Include, Parameters: {Location: a}}]\n",
        "Outputs:\nConditions:\nMappings: {M: {a: {b: c}}}\nMetadata: {Note: [1]}\n",
        "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function: {Timeout: 3}\n",
    })
    void rightKindPasses(String sections) {
        assertEquals(List.of(), shapeFindings(sections + RESOURCES));
    }

    private static List<Finding> shapeFindings(String template) {
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.parse(
                "template.yaml", template));
        return TestLoading.findings(assembled.problems(), "SL0022");
    }
}
