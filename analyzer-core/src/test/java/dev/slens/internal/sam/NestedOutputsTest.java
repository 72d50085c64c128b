package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.index.Alternative;
import dev.slens.index.TemplateIndex;
import dev.slens.index.Value;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NestedOutputsTest {

    private static final String NESTED = """
            Parameters:
              QueueArn:
                Type: String
              Stage:
                Type: String
                Default: prod
            Resources:
              Topic:
                Type: AWS::SNS::Topic
            Outputs:
              Literal:
                Value: arn:aws:sqs:eu-west-1:123456789012:orders-dlq
              Passed:
                Value: !Ref QueueArn
              Defaulted:
                Value: !Ref Stage
              Computed:
                Value: !GetAtt Topic.TopicName
            """;

    private static final String PARENT = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Dlq:
                Type: AWS::SQS::Queue
              Shared:
                Type: AWS::Serverless::Application
                Properties:
                  Location: ./nested.yaml
                  Parameters:
                    QueueArn: arn:aws:sqs:eu-west-1:123456789012:passed
            """;

    private static final String STACK_PARENT = """
            Resources:
              Shared:
                Type: AWS::CloudFormation::Stack
                Properties:
                  TemplateURL: nested.yaml
                  Parameters:
                    QueueArn: arn:aws:sqs:eu-west-1:123456789012:stack-passed
            """;

    @TempDir
    Path folder;

    private List<Alternative> output(String name) throws IOException {
        return output(PARENT, name);
    }

    private List<Alternative> output(String parentText, String name) throws IOException {
        Files.writeString(folder.resolve("nested.yaml"), NESTED);
        Path parent = Files.writeString(folder.resolve("template.yaml"), parentText);
        TemplateAssembler.Assembled assembled = TestLoading.assemble(TestLoading.load(parent));
        Template template = assembled.template();
        Node getAtt = Nodes.getAtt("Shared", "Outputs." + name, SourceSpan.at(1, 1));
        return new TemplateIndex(template).evaluator().alternatives(getAtt);
    }

    @Test
    void literalOutputResolved() throws IOException {
        List<Alternative> values = output("Literal");

        assertEquals(1, values.size());
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:orders-dlq",
                values.get(0).value().exactText());
    }

    @Test
    void passedParameterResolved() throws IOException {
        List<Alternative> values = output("Passed");

        assertEquals("arn:aws:sqs:eu-west-1:123456789012:passed",
                values.get(0).value().exactText());
    }

    @Test
    void parameterDefaultResolved() throws IOException {
        List<Alternative> values = output("Defaulted");

        assertEquals("prod", values.get(0).value().exactText());
    }

    @Test
    void computedOutputStaysUnknown() throws IOException {
        Value value = output("Computed").get(0).value();

        assertTrue(value instanceof Value.Text, value.toString());
        assertFalse(((Value.Text) value).exact());
    }

    @Test
    void cloudFormationStackOutputsResolved() throws IOException {
        List<Alternative> literal = output(STACK_PARENT, "Literal");
        List<Alternative> passed = output(STACK_PARENT, "Passed");

        assertEquals("arn:aws:sqs:eu-west-1:123456789012:orders-dlq",
                literal.get(0).value().exactText());
        assertEquals("arn:aws:sqs:eu-west-1:123456789012:stack-passed",
                passed.get(0).value().exactText());
    }

    @Test
    void cloudFormationStackInSamTemplateResolved() throws IOException {
        String parent = "Transform: AWS::Serverless-2016-10-31\n" + STACK_PARENT;

        List<Alternative> defaulted = output(parent, "Defaulted");

        assertEquals("prod", defaulted.get(0).value().exactText());
    }
}
