package dev.slens.load;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Short-form tags in {@code short-forms.yaml} load as long-form intrinsics with their spans. */
class ShortFormsTest {

    private static MapNode root;
    private static MapNode properties;

    @BeforeAll
    static void load() {
        LoadResult result = TestLoading.resource("short-forms.yaml");
        assertEquals(List.of(), result.problems());
        root = result.root();
        properties = root.getMap("Resources").getMap("Queue").getMap("Properties");
    }

    @ParameterizedTest
    @CsvSource({
        "RefScalar, Ref, 14, 18",
        "SubScalar, Fn::Sub, 15, 18",
        "SubList, Fn::Sub, 16, 16",
        "GetAttDotted, Fn::GetAtt, 19, 21",
        "GetAttList, Fn::GetAtt, 20, 19",
        "GetAttNested, Fn::GetAtt, 21, 21",
        "IfList, Fn::If, 22, 15",
        "JoinList, Fn::Join, 23, 17",
        "SelectList, Fn::Select, 24, 19",
        "FindInMapList, Fn::FindInMap, 25, 22",
        "Base64Scalar, Fn::Base64, 26, 21",
        "SplitList, Fn::Split, 27, 18",
        "ImportScalar, Fn::ImportValue, 28, 21",
        "GetAZsScalar, Fn::GetAZs, 29, 21",
        "Nested, Fn::Join, 30, 15",
    })
    void shortFormBecomesLongFormAtTag(String property, String function, int line, int column) {
        Node node = properties.get(property);

        assertEquals(function, node.intrinsicName());
        assertStartsAt(line, column, node.span());
        assertStartsAt(line, column, node.asMap().entry(function).keySpan());
    }

    @ParameterizedTest
    @CsvSource({
        "IsProd, Fn::Equals, 7, 11",
        "IsEither, Fn::Or, 8, 13",
        "IsBoth, Fn::And, 9, 11",
    })
    void conditionFunctionsBecomeLongForm(String condition, String function, int line,
            int column) {
        Node node = root.getMap("Conditions").get(condition);

        assertEquals(function, node.intrinsicName());
        assertStartsAt(line, column, node.span());
    }

    @Test
    void conditionTagBecomesConditionKey() {
        ListNode operands = root.getMap("Conditions").get("IsEither").asMap().get("Fn::Or")
                .asList();

        assertEquals("Condition", operands.get(0).intrinsicName());
        assertEquals("IsProd", operands.get(0).asMap().getText("Condition"));
        assertStartsAt(8, 18, operands.get(0).span());
        assertEquals("Fn::Not", operands.get(1).intrinsicName());
    }

    @Test
    void refScalarKeepsItsTarget() {
        assertEquals("Stage", properties.getMap("RefScalar").getText("Ref"));
    }

    @Test
    void subScalarKeepsPatternAsString() {
        Node pattern = properties.getMap("SubScalar").get("Fn::Sub");

        assertEquals("arn:${AWS::Partition}:sqs", pattern.text());
    }

    @Test
    void subListKeepsPatternAndVariables() {
        ListNode arguments = properties.getMap("SubList").get("Fn::Sub").asList();

        assertEquals(2, arguments.size());
        assertEquals("${Name}-queue", arguments.get(0).text());
        assertStartsAt(17, 11, arguments.get(0).span());
        assertEquals("Ref", arguments.get(1).asMap().get("Name").intrinsicName());
        assertStartsAt(18, 17, arguments.get(1).asMap().get("Name").span());
    }

    @Test
    void getAttShortFormSplitsAtDot() {
        assertEquals(List.of("Table", "Arn"), texts(getAttArguments("GetAttDotted")));
    }

    @Test
    void getAttSequenceFormKeepsItems() {
        assertEquals(List.of("Table", "StreamArn"), texts(getAttArguments("GetAttList")));
    }

    @Test
    void getAttShortFormSplitsAtFirstDotOnly() {
        ListNode arguments = getAttArguments("GetAttNested");

        assertEquals(List.of("Shared", "Outputs.QueueArn"), texts(arguments));
        assertStartsAt(21, 21, arguments.get(0).span());
        assertStartsAt(21, 21, arguments.get(1).span());
    }

    @Test
    void getAttWithoutDotStaysOneItem() {
        MapNode getAtt = TestLoading.root("t.yaml", "Value: !GetAtt Table\n").getMap("Value");

        assertEquals(List.of("Table"), texts(getAtt.get("Fn::GetAtt").asList()));
    }

    @Test
    void ifKeepsConditionAndBranches() {
        ListNode arguments = properties.getMap("IfList").get("Fn::If").asList();

        assertEquals(List.of("IsProd", "30", "5"), texts(arguments));
        assertEquals(ScalarNode.Kind.NUMBER, ((ScalarNode) arguments.get(1)).kind());
    }

    @Test
    void selectTakesNestedGetAzs() {
        ListNode arguments = properties.getMap("SelectList").get("Fn::Select").asList();

        assertEquals("1", arguments.get(0).text());
        assertEquals("Fn::GetAZs", arguments.get(1).intrinsicName());
        assertEquals("", arguments.get(1).asMap().getText("Fn::GetAZs"));
        assertStartsAt(24, 31, arguments.get(1).span());
    }

    @Test
    void findInMapTakesNestedRef() {
        ListNode arguments = properties.getMap("FindInMapList").get("Fn::FindInMap").asList();

        assertEquals("Sizes", arguments.get(0).text());
        assertEquals("Stage", arguments.get(1).asMap().getText("Ref"));
        assertEquals("Memory", arguments.get(2).text());
    }

    @Test
    void scalarFunctionsKeepTheirArgument() {
        assertEquals("echo hi", properties.getMap("Base64Scalar").getText("Fn::Base64"));
        assertEquals("SharedVpcId", properties.getMap("ImportScalar").getText("Fn::ImportValue"));
        assertEquals("us-east-1", properties.getMap("GetAZsScalar").getText("Fn::GetAZs"));
    }

    @Test
    void splitKeepsDelimiterAndText() {
        ListNode arguments = properties.getMap("SplitList").get("Fn::Split").asList();

        assertEquals(List.of(",", "a,b"), texts(arguments));
    }

    @Test
    void subInsideIfInsideJoinBecomesLongForm() {
        ListNode join = properties.getMap("Nested").get("Fn::Join").asList();
        Node ifNode = join.get(1).asList().get(0);
        ListNode branches = ifNode.asMap().get("Fn::If").asList();

        assertEquals("Fn::If", ifNode.intrinsicName());
        assertStartsAt(32, 13, ifNode.span());
        assertEquals("Fn::Sub", branches.get(1).intrinsicName());
        assertEquals("${Stage}-prod", branches.get(1).asMap().getText("Fn::Sub"));
        assertStartsAt(32, 26, branches.get(1).span());
        assertEquals("AWS::NoValue", branches.get(2).asMap().getText("Ref"));
        assertStartsAt(32, 48, branches.get(2).span());
    }

    @Test
    void unquotedDatesStayExactStrings() {
        ScalarNode version = assertInstanceOf(ScalarNode.class, properties.get("Version"));
        ScalarNode formatVersion = assertInstanceOf(ScalarNode.class,
                root.get("AWSTemplateFormatVersion"));

        assertEquals("2012-10-17", version.value());
        assertEquals(ScalarNode.Kind.STRING, version.kind());
        assertEquals("2010-09-09", formatVersion.value());
        assertEquals(ScalarNode.Kind.STRING, formatVersion.kind());
        assertEquals("2012-10-17", properties.getText("QuotedVersion"));
    }

    @Test
    void unknownTagLeavesValueAsWritten() {
        MapNode loaded = TestLoading.root("t.yaml", "Value: !Custom text\n");

        assertNull(loaded.get("Value").intrinsicName());
        assertEquals("text", loaded.getText("Value"));
    }

    @Test
    void longFormStaysAsWritten() {
        MapNode loaded = TestLoading.root("t.yaml", "Value:\n  Fn::GetAtt: [Table, Arn]\n");
        Node getAtt = loaded.get("Value");

        assertEquals("Fn::GetAtt", getAtt.intrinsicName());
        assertNotNull(getAtt.asMap().get("Fn::GetAtt").asList());
        assertStartsAt(2, 3, getAtt.span());
    }

    private static ListNode getAttArguments(String property) {
        return properties.getMap(property).get("Fn::GetAtt").asList();
    }

    private static List<String> texts(ListNode list) {
        return list.items().stream().map(Node::text).toList();
    }
}
