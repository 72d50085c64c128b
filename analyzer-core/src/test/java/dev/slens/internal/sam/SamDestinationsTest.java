package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.slens.index.Alternative;
import dev.slens.index.TemplateIndex;
import dev.slens.load.TestLoading;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamDestinationsTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              UseExistingQueue:
                Type: String
                AllowedValues: ['true', 'false']
              CreateTopic:
                Type: String
                AllowedValues: ['true', 'false']
            Conditions:
              QueueExists: !Equals [!Ref UseExistingQueue, 'true']
              TopicCreationEnabled: !Equals [!Ref CreateTopic, 'true']
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  InlineCode: pass
                  EventInvokeConfig:
                    DestinationConfig:
                      OnSuccess:
                        Type: SQS
                        Destination: !If [QueueExists, arn:aws:sqs:eu-west-1:1:q, !Ref AWS::NoValue]
                      OnFailure:
                        Type: SNS
                        Destination:
                          !If [TopicCreationEnabled, !Ref AWS::NoValue, arn:aws:sns:eu-west-1:1:t]
            """;

    private static Template template() {
        return TestLoading.template("template.yaml", TEMPLATE);
    }

    private static ListNode ifParts(Template template, String key) {
        MapNode destination = template.resource("WorkerEventInvokeConfig")
                .property("DestinationConfig").asMap().getMap(key);
        return destination.get("Destination").asMap().get("Fn::If").asList();
    }

    @Test
    void topicCreatedUnderBranchCondition() {
        Template template = template();
        Resource topic = template.resource("WorkerEventInvokeConfigOnFailureTopic");
        ListNode parts = ifParts(template, "OnFailure");

        assertNotNull(topic);
        assertEquals("AWS::SNS::Topic", topic.type());
        assertEquals("TopicCreationEnabled", topic.condition());
        assertEquals("TopicCreationEnabled", parts.get(0).text());
        assertEquals("WorkerEventInvokeConfigOnFailureTopic",
                parts.get(1).asMap().getText("Ref"));
        assertEquals("arn:aws:sns:eu-west-1:1:t", parts.get(2).text());
    }

    @Test
    void queueCreatedUnderNegatedCondition() {
        Template template = template();
        Resource queue = template.resource("WorkerEventInvokeConfigOnSuccessQueue");
        ListNode parts = ifParts(template, "OnSuccess");

        assertNotNull(queue);
        assertEquals("AWS::SQS::Queue", queue.type());
        assertEquals("NOTQueueExists", queue.condition());
        assertEquals("NOTQueueExists", parts.get(0).text());
        assertEquals("WorkerEventInvokeConfigOnSuccessQueue",
                parts.get(1).asMap().get("Fn::GetAtt").asList().get(0).text());
        assertEquals("arn:aws:sqs:eu-west-1:1:q", parts.get(2).text());
    }

    @Test
    void negatedConditionEvaluated() {
        Template template = template();
        Node negation = template.section("Conditions").get("NOTQueueExists");
        Node destination = template.resource("WorkerEventInvokeConfig")
                .property("DestinationConfig").asMap().getMap("OnSuccess").get("Destination");

        assertEquals("Fn::Not", negation.intrinsicName());
        List<Alternative> alternatives = new TemplateIndex(template).evaluator()
                .alternatives(destination);
        assertEquals(2, alternatives.size());
    }

    @Test
    void functionConditionJoinsBranchCondition() {
        Template template = TestLoading.template("template.yaml", TEMPLATE
                .replace("  TopicCreationEnabled:",
                        "  Deployed: !Equals [!Ref AWS::Region, eu-west-1]\n"
                                + "  TopicCreationEnabled:")
                .replace("    Type: AWS::Serverless::Function\n",
                        "    Type: AWS::Serverless::Function\n    Condition: Deployed\n"));
        Resource topic = template.resource("WorkerEventInvokeConfigOnFailureTopic");
        Resource queue = template.resource("WorkerEventInvokeConfigOnSuccessQueue");
        Node both = template.section("Conditions").get("DeployedANDTopicCreationEnabled");

        assertEquals("Deployed", template.resource("WorkerEventInvokeConfig").condition());
        assertEquals("DeployedANDTopicCreationEnabled", topic.condition());
        assertEquals("DeployedANDNOTQueueExists", queue.condition());
        assertEquals("Fn::And", both.intrinsicName());
        assertEquals("Deployed", both.asMap().get("Fn::And").asList().get(0).asMap()
                .getText("Condition"));
        assertEquals("TopicCreationEnabled", both.asMap().get("Fn::And").asList().get(1)
                .asMap().getText("Condition"));
        assertEquals("TopicCreationEnabled", ifParts(template, "OnFailure").get(0).text());
    }
}
