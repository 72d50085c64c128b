package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoreIntrinsicsTest {

    private static final String TEMPLATE = """
            Transform: AWS::LanguageExtensions
            Parameters:
              Stage:
                Type: String
                Default: test
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
            Mappings:
              Sizes:
                dev: {Memory: 128}
            Resources:
              Shared:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: https://example-bucket.s3.amazonaws.com/shared.yaml
              Queue:
                Type: AWS::SQS::Queue
                Properties:
                  Found: !FindInMap [Sizes, dev, Memory, {DefaultValue: 256}]
                  Defaulted: !FindInMap [Sizes, !Ref Stage, Memory, {DefaultValue: 256}]
                  NoDefault: !FindInMap [Sizes, !Ref Stage, Memory]
                  Length: !Length [a, b, !Ref AWS::NoValue, c]
                  LengthUnknown: !Length {Ref: Stage}
                  Json: !ToJsonString {Effect: Allow, Action: ["sqs:*"]}
                  JsonWithRef: !ToJsonString {Name: !Ref Stage}
                  Encoded: !Base64 {"Fn::Sub": "stage=${Stage}"}
                  Subnet: !Select [2, !Cidr ["10.0.0.0/16", 4, 8]]
                  SubnetTooMany: !Select [0, !Cidr ["10.0.0.0/24", 4, 8]]
                  Conditional: !Base64 {"Fn::If": [IsProd, a, b]}
                  StackOutput: !GetAtt Shared.Outputs.QueueArn
            """;

    private static Evaluator evaluator;
    private static MapNode properties;

    @BeforeAll
    static void load() {
        Template template = TestLoading.template("t.yaml", TEMPLATE);
        evaluator = new Evaluator(template);
        properties = template.resource("Queue").properties();
    }

    @Test
    void findInMap_foundIgnoresDefault() {
        assertEquals(List.of("Literal[text=128]"), values("Found"));
    }

    @Test
    void findInMap_missingKeyUsesDefault() {
        List<Alternative> values = evaluator.alternatives(property("Defaulted"));

        assertEquals(new Value.Literal("256"), values.get(0).value());
        assertTrue(values.get(0).via().contains("Fn::FindInMap DefaultValue"));
    }

    @Test
    void findInMap_missingKeyWithoutDefaultIsUnknown() {
        assertInstanceOf(Value.Unknown.class,
                evaluator.alternatives(property("NoDefault")).get(0).value());
    }

    @Test
    void length_countsPresentItems() {
        assertEquals(new Value.Literal("3"), evaluator.alternatives(property("Length")).get(0)
                .value());
        assertInstanceOf(Value.Unknown.class,
                evaluator.alternatives(property("LengthUnknown")).get(0).value());
    }

    @Test
    void toJsonString_exactWithoutIntrinsics() {
        assertEquals("{\"Effect\":\"Allow\",\"Action\":[\"sqs:*\"]}",
                evaluator.exactText(property("Json")));
        Value withRef = evaluator.alternatives(property("JsonWithRef")).get(0).value();
        assertNull(withRef.exactText());
    }

    @Test
    void base64_encodesExactText() {
        assertEquals("c3RhZ2U9dGVzdA==", evaluator.exactText(property("Encoded")));
    }

    @Test
    void base64_keepsEachBranch() {
        List<Alternative> values = evaluator.alternatives(property("Conditional"));

        assertEquals(2, values.size());
        assertEquals("YQ==", values.get(0).value().exactText());
        assertEquals(List.of("condition 'IsProd' is true"), values.get(0).conditions());
        assertEquals("Yg==", values.get(1).value().exactText());
    }

    @Test
    void cidr_selectsSubnet() {
        assertEquals("10.0.2.0/24", evaluator.exactText(property("Subnet")));
    }

    @Test
    void cidr_tooManySubnetsIsUnknown() {
        assertInstanceOf(Value.Unknown.class,
                evaluator.alternatives(property("SubnetTooMany")).get(0).value());
    }

    @Test
    void cidr_subnetList() {
        assertEquals(List.of("10.0.0.0/26", "10.0.0.64/26", "10.0.0.128/26", "10.0.0.192/26"),
                MoreIntrinsics.subnets("10.0.0.0/24", 4, 6));
    }

    @Test
    void getAttNestedStackOutput_namesStackAndOutput() {
        Value value = evaluator.alternatives(property("StackOutput")).get(0).value();

        assertEquals(new Value.Text("{{getatt:Shared.Outputs.QueueArn}}", false), value);
        assertEquals("Shared", evaluator.referencedResource(property("StackOutput")));
    }

    private static List<String> values(String name) {
        return evaluator.alternatives(property(name)).stream()
                .map(a -> a.value().toString()).toList();
    }

    private static Node property(String name) {
        return properties.get(name);
    }
}
