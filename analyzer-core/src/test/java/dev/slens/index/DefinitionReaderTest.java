package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.model.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading state machine definitions, and mapping their lines back to the template. */
class DefinitionReaderTest {

    @Test
    void literalBlockMapsLinesAndColumns() {
        StateMachineDefinition definition = only("""
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: |
                        {
                          "StartAt": "A",
                          "States": {
                            "A": {"Type": "Pass", "End": true}
                          }
                        }
                """);

        AslState state = definition.root().state("A");
        assertEquals(9, state.nameSpan().line());
        assertEquals(13, state.nameSpan().column());
        assertEquals(9, state.field("End").keySpan().line());
    }

    @Test
    void subKeepsPlaceholdersAndQuotesBareOnes() {
        StateMachineDefinition definition = only("""
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionSubstitutions:
                        Queue: orders
                      DefinitionString: !Sub
                        - |
                          {"StartAt": "A", "States": {"A": {
                            "Type": "Task", "Resource": "${Fn}", "TimeoutSeconds": ${Seconds},
                            "Parameters": {"Q": "${Queue}", "L": "${!Literal}"}, "End": true}}}
                        - Fn: !GetAtt Worker.Arn
                          Seconds: 30
                """);

        AslState state = definition.root().state("A");
        assertEquals("${Fn}", state.field("Resource").value().text());
        assertEquals("${Seconds}", state.field("TimeoutSeconds").value().text());
        assertEquals("${Literal}", state.node().getMap("Parameters").getText("L"));
        assertEquals(10, state.field("Resource").keySpan().line());
        assertNotNull(definition.substitutions().get("Fn"));
        assertNotNull(definition.substitutions().get("Queue"));
    }

    @Test
    void joinPartsKeepTheirLines() {
        StateMachineDefinition definition = only("""
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: !Join
                        - ""
                        - - "{\\"StartAt\\": \\"A\\", \\"States\\": {\\n"
                          - "\\"A\\": {\\"Type\\": \\"Task\\", \\"Resource\\": \\""
                          - !GetAtt Worker.Arn
                          - "\\", \\"End\\": true}}}"
                """);

        AslState state = definition.root().state("A");
        assertEquals("${Worker.Arn}", state.field("Resource").value().text());
        assertEquals(8, state.nameSpan().line());
        assertEquals(10, state.field("End").keySpan().line());
    }

    @Test
    void invalidJsonReportsMappedLine() {
        StateMachineDefinition definition = only("""
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionString: |
                        {
                          "StartAt": "A",,
                          "States": {}
                        }
                """);

        assertNull(definition.root());
        assertTrue(definition.problem().startsWith("DefinitionString is not valid JSON"),
                definition.problem());
        assertEquals(7, definition.problemSpan().line());
    }

    @Test
    void nestedWorkflowsAreWalked() {
        StateMachineDefinition definition = only("""
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      Definition:
                        StartAt: P
                        States:
                          P:
                            Type: Parallel
                            End: true
                            Branches:
                              - StartAt: M
                                States:
                                  M:
                                    Type: Map
                                    End: true
                                    ItemProcessor:
                                      StartAt: T
                                      States:
                                        T: {Type: Succeed}
                """);

        List<AslGraph> graphs = definition.graphs();
        assertEquals(3, graphs.size());
        assertEquals(" in the ItemProcessor of 'M' in branch 1 of 'P'", graphs.get(2).where());
        assertEquals(List.of("P", "M", "T"),
                definition.states().stream().map(AslState::name).toList());
    }

    @Test
    void definitionInS3IsNotRead() {
        Template template = TestLoading.template("t.yaml", """
                Resources:
                  Flow:
                    Type: AWS::StepFunctions::StateMachine
                    Properties:
                      DefinitionS3Location: {Bucket: b, Key: k}
                """);

        assertTrue(new DefinitionReader(template).read().isEmpty());
    }

    private static StateMachineDefinition only(String text) {
        Template template = TestLoading.template("t.yaml", text);
        List<StateMachineDefinition> definitions = new DefinitionReader(template).read();
        assertEquals(1, definitions.size());
        return definitions.get(0);
    }
}
