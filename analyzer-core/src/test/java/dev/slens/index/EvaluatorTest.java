package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Intrinsic evaluation over the properties of one queue, each property one case. */
class EvaluatorTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage:
                Type: String
                Default: dev
              Scope:
                Type: String
                AllowedValues: [read, write]
              Secret:
                Type: String
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Mappings:
              Sizes:
                dev: {Memory: 128}
                prod: {Memory: 1024}
            Resources:
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  StageRef: !Ref Stage
                  ScopeRef: !Ref Scope
                  SecretRef: !Ref Secret
                  Region: !Ref AWS::Region
                  Escaped: !Sub "${!Literal}-${Stage}"
                  SubMap: !Sub
                    - "${Prefix}:${AWS::AccountId}"
                    - Prefix: !Join ["-", [orders, !Ref Stage]]
                  Wildcard: !Join ["", ["*"]]
                  Branches: !If [IsProd, "sqs:*", "sqs:SendMessage"]
                  Actions:
                    - sqs:ReceiveMessage
                    - !If [IsProd, !Ref AWS::NoValue, "sqs:DeleteMessage"]
                    - !Ref AWS::NoValue
                  Memory: !FindInMap [Sizes, !Ref Stage, Memory]
                  Second: !Select [1, [a, b, c]]
                  OutOfRange: !Select [5, [a]]
                  SplitRuntime: !Select [0, !Split ["|", "python2.7|x"]]
                  SplitEmpty: !Select [3, !Split ["|", "a||c|"]]
                  SplitParameter: !Select [1, !Split ["-", !Sub "orders-${Stage}"]]
                  SplitBranches: !Select [1, !Split [",", !If [IsProd, "a,b", "c,d"]]]
                  SplitInexact: !Select [0, !Split [":", !Ref AWS::Region]]
                  SplitUnknown: !Select [0, !Split [",", !Ref Secret]]
                  SplitPastEnd: !Select [3, !Split [",", "a,b"]]
                  SplitUnknownDelimiter: !Select [0, !Split [!Ref Secret, "a,b"]]
                  Arn: !GetAtt Queue.Arn
            """;

    private static Template template;
    private static Evaluator evaluator;
    private static MapNode properties;

    @BeforeAll
    static void load() {
        template = TestLoading.template("t.yaml", TEMPLATE);
        evaluator = new Evaluator(template);
        properties = template.resource("Queue").properties();
    }

    @Test
    void refToParameterUsesDefault() {
        List<Alternative> values = evaluator.alternatives(property("StageRef"));

        assertEquals(1, values.size());
        assertEquals(new Value.Text("dev", true), values.get(0).value());
        assertEquals(List.of("parameter 'Stage' default"), values.get(0).via());
    }

    @Test
    void refWithoutDefaultYieldsAllowedValues() {
        List<Alternative> values = evaluator.alternatives(property("ScopeRef"));

        assertEquals(List.of("read", "write"), exactTexts(values));
        assertEquals(List.of("parameter 'Scope' allowed value"), values.get(1).via());
    }

    @Test
    void refWithoutDefaultOrAllowedIsUnknown() {
        Value value = evaluator.alternatives(property("SecretRef")).get(0).value();

        assertInstanceOf(Value.Unknown.class, value);
    }

    @Test
    void pseudoParameterIsInexact() {
        Value value = evaluator.alternatives(property("Region")).get(0).value();

        assertEquals(new Value.Text("{{AWS::Region}}", false), value);
        assertNull(value.exactText());
    }

    @Test
    void subKeepsEscapedLiteral() {
        assertEquals("${Literal}-dev", evaluator.exactText(property("Escaped")));
    }

    @Test
    void subListUsesVariableMap() {
        Value value = evaluator.alternatives(property("SubMap")).get(0).value();

        assertEquals(new Value.Text("orders-dev:{{AWS::AccountId}}", false), value);
    }

    @Test
    void joinEvaluatesToWildcard() {
        assertEquals("*", evaluator.exactText(property("Wildcard")));
    }

    @Test
    void ifYieldsBothBranchesWithConditions() {
        List<Alternative> values = evaluator.alternatives(property("Branches"));

        assertEquals(List.of("sqs:*", "sqs:SendMessage"), exactTexts(values));
        assertEquals(List.of("condition 'IsProd' is true"), values.get(0).conditions());
        assertEquals(List.of("condition 'IsProd' is false"), values.get(1).conditions());
        assertEquals(" (when condition 'IsProd' is true)", values.get(0).qualifier());
    }

    @Test
    void elementsDropNoValue() {
        List<Alternative> items = evaluator.elements(property("Actions"));

        assertEquals(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"), exactTexts(items));
        assertEquals(List.of("condition 'IsProd' is false"), items.get(1).conditions());
    }

    @Test
    void findInMapLooksUpMapping() {
        Value value = evaluator.alternatives(property("Memory")).get(0).value();

        assertEquals(new Value.Literal("128"), value);
    }

    @Test
    void findInMapPointsAtCallAndNamesEntry() {
        Alternative found = evaluator.alternatives(property("Memory")).get(0);

        assertEquals(property("Memory").span(), found.node().span());
        assertEquals(List.of("mapping 'Sizes.dev.Memory'"), found.via());
    }

    @Test
    void selectPicksIndex() {
        assertEquals("b", evaluator.exactText(property("Second")));
    }

    @Test
    void selectOutOfRangeIsUnknown() {
        Value value = evaluator.alternatives(property("OutOfRange")).get(0).value();

        assertInstanceOf(Value.Unknown.class, value);
    }

    @Test
    void selectOfSplitPicksItem() {
        List<Alternative> values = evaluator.alternatives(property("SplitRuntime"));

        assertEquals(List.of("python2.7"), exactTexts(values));
        assertEquals(37, values.get(0).node().span().line());
    }

    @Test
    void selectOfSplitKeepsEmptyItems() {
        assertEquals("", evaluator.exactText(property("SplitEmpty")));
    }

    @Test
    void selectOfSplitKeepsParameterTrail() {
        List<Alternative> values = evaluator.alternatives(property("SplitParameter"));

        assertEquals(List.of("dev"), exactTexts(values));
        assertEquals(List.of("parameter 'Stage' default"), values.get(0).via());
    }

    @Test
    void selectOfSplitYieldsEachBranch() {
        List<Alternative> values = evaluator.alternatives(property("SplitBranches"));

        assertEquals(List.of("b", "d"), exactTexts(values));
        assertEquals(List.of("condition 'IsProd' is true"), values.get(0).conditions());
        assertEquals(List.of("condition 'IsProd' is false"), values.get(1).conditions());
    }

    @Test
    void selectOfSplitOfInexactTextIsUnknown() {
        assertUnknown("SplitInexact");
    }

    @Test
    void selectOfSplitOfUnknownTextIsUnknown() {
        assertUnknown("SplitUnknown");
    }

    @Test
    void selectPastEndOfSplitIsUnknown() {
        assertUnknown("SplitPastEnd");
    }

    @Test
    void splitWithUnknownDelimiterIsUnknown() {
        assertUnknown("SplitUnknownDelimiter");
    }

    @Test
    void getAttIsInexactPlaceholder() {
        Value value = evaluator.alternatives(property("Arn")).get(0).value();

        assertEquals(new Value.Text("{{getatt:Queue.Arn}}", false), value);
        assertEquals("Queue", evaluator.referencedResource(property("Arn")));
    }

    @Test
    void alternativesPointAtWrittenNode() {
        Alternative value = evaluator.alternatives(property("Branches")).get(1);

        assertEquals(29, value.node().span().line());
        assertEquals(39, value.node().span().column());
        assertFalse(value.conditions().isEmpty());
    }

    private static void assertUnknown(String name) {
        List<Alternative> values = evaluator.alternatives(property(name));

        assertEquals(1, values.size(), name);
        assertInstanceOf(Value.Unknown.class, values.get(0).value(), name);
    }

    private static Node property(String name) {
        return properties.get(name);
    }

    private static List<String> exactTexts(List<Alternative> values) {
        return values.stream().map(a -> a.value().exactText()).toList();
    }
}
