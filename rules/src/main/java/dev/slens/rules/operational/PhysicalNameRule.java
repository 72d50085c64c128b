package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RuleInfo(
        id = "SL9030",
        name = "PhysicalName",
        summary = "Resources let CloudFormation generate their physical names",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::IAM::Role", "AWS::SQS::Queue",
                "AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::SNS::Topic",
                "AWS::StepFunctions::StateMachine", "AWS::Serverless::Function",
                "AWS::Serverless::SimpleTable", "AWS::Serverless::StateMachine"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "aws-properties-name.html",
        tags = {"naming", "deployment"},
        aliases = {"W28"},
        enabledByDefault = false)
public final class PhysicalNameRule implements Rule {

    /** The name property of each resource type the rule checks. */
    private static final Map<String, String> NAME_PROPERTIES = Map.of(
            "AWS::Lambda::Function", "FunctionName",
            "AWS::IAM::Role", "RoleName",
            "AWS::SQS::Queue", "QueueName",
            "AWS::DynamoDB::Table", "TableName",
            "AWS::S3::Bucket", "BucketName",
            "AWS::SNS::Topic", "TopicName",
            "AWS::StepFunctions::StateMachine", "StateMachineName");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        boolean serverless = context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK;
        for (Resource resource : context.template().resources().values()) {
            String property = NAME_PROPERTIES.get(resource.type());
            // The Serverless Framework names what it generates after the service and stage.
            if (property == null || serverless && !resource.isWritten()) {
                continue;
            }
            Node name = resource.property(property);
            if (name == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(name)) {
                String text = alternative.value().exactText();
                if (text != null && alternative.via().isEmpty()) {
                    findings.add(context.finding(alternative.node().span(),
                            resource.logicalId(), "Resource '" + resource.logicalId()
                                    + "' sets " + property + " to the fixed name '" + text + "'"
                                    + alternative.qualifier() + ", so the stack cannot be"
                                    + " deployed twice in one account and Region, and updates"
                                    + " that replace the resource fail; remove " + property
                                    + " or build it with !Sub from ${AWS::StackName}."));
                }
            }
        }
        return findings;
    }
}
