package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamFunctionExpanderTest {

    private static final String HEADER = """
            Transform: AWS::Serverless-2016-10-31
            Conditions:
              IsProd: !Equals [prod, prod]
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
            """;

    @Test
    void deadLetterQueueIf_keepsBothBranches() {
        Template template = load(HEADER + """
                      DeadLetterQueue: !If
                        - IsProd
                        - Type: SQS
                          TargetArn: arn:aws:sqs:us-east-1:123456789012:failed
                        - !Ref AWS::NoValue
                """);
        MapNode config = template.resource("Worker").property("DeadLetterConfig").asMap();
        assertNotNull(config, "DeadLetterConfig is missing");

        List<Alternative> targets = new Evaluator(template).alternatives(config.get("TargetArn"));
        assertEquals(2, targets.size());
        assertEquals("arn:aws:sqs:us-east-1:123456789012:failed",
                targets.get(0).value().exactText());
        assertInstanceOf(Value.NoValue.class, targets.get(1).value());
        assertEquals(List.of("condition 'IsProd' is false"), targets.get(1).conditions());
    }

    @Test
    void deadLetterQueueMap_keepsTarget() {
        Template template = load(HEADER + """
                      DeadLetterQueue:
                        Type: SNS
                        TargetArn: arn:aws:sns:us-east-1:123456789012:failed
                """);
        Node target = template.resource("Worker").property("DeadLetterConfig").asMap()
                .get("TargetArn");
        assertEquals("arn:aws:sns:us-east-1:123456789012:failed", target.text());
    }

    @Test
    void eventInvokeConfigIf_projectsDestinations() {
        Template template = load(HEADER + """
                      EventInvokeConfig: !If
                        - IsProd
                        - MaximumRetryAttempts: 1
                          DestinationConfig:
                            OnFailure:
                              Destination: arn:aws:sqs:us-east-1:123456789012:failed
                        - !Ref AWS::NoValue
                """);
        MapNode config = template.resource("WorkerEventInvokeConfig").properties();
        Evaluator evaluator = new Evaluator(template);

        List<Alternative> destinations = evaluator.alternatives(config.get("DestinationConfig"));
        assertEquals(2, destinations.size());
        assertInstanceOf(Value.Structure.class, destinations.get(0).value());
        assertInstanceOf(Value.NoValue.class, destinations.get(1).value());
        List<Alternative> retries = evaluator.alternatives(config.get("MaximumRetryAttempts"));
        assertEquals("1", ((Value.Literal) retries.get(0).value()).text());
    }

    private static Template load(String text) {
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parse(Path.of("template.yaml"), "template.yaml", text);
        return TemplateAssembler.assemble(loaded.file(), loaded.root(),
                FormatDetector.detect(loaded.root())).template();
    }
}
