package dev.slens.rules.operational;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL9031",
        name = "SamTransform",
        summary = "Templates with SAM resources declare the SAM transform",
        severity = Severity.ERROR,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Serverless::Function", "AWS::Serverless::Api",
                "AWS::Serverless::HttpApi", "AWS::Serverless::SimpleTable",
                "AWS::Serverless::StateMachine", "AWS::Serverless::LayerVersion",
                "AWS::Serverless::Application", "AWS::Serverless::GraphQLApi",
                "AWS::Serverless::Connector"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "transform-aws-serverless.html",
        tags = {"sam", "deployment"},
        aliases = {"E3038"})
public final class SamTransformRule implements Rule {

    private static final String TRANSFORM = "AWS::Serverless-2016-10-31";
    private static final String SAM_PREFIX = "AWS::Serverless::";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.template().format() != TemplateFormat.SAM) {
            return findings;
        }
        Node transform = context.template().root().get("Transform");
        List<String> names = transformNames(transform);
        if (names.contains(TRANSFORM)) {
            return findings;
        }
        MapNode.Entry first = firstSamResource(context);
        if (first == null) {
            return findings;
        }
        String type = first.value().asMap().getText("Type");
        String near = names.stream().filter(n -> n.startsWith("AWS::Serverless")).findFirst()
                .orElse(null);
        String message;
        if (near != null) {
            message = "Transform '" + near + "' is not the SAM transform, so CloudFormation"
                    + " rejects resource '" + first.key() + "' of type '" + type + "' and every"
                    + " other AWS::Serverless resource; write 'Transform: " + TRANSFORM + "'.";
            Node at = names.size() == 1 ? transform : transform.asList().items().stream()
                    .filter(n -> near.equals(n.text())).findFirst().orElse(transform);
            findings.add(context.finding(at.span(), null, message));
        } else {
            message = "Resource '" + first.key() + "' has type '" + type + "', but the template"
                    + " declares no 'Transform: " + TRANSFORM + "', so CloudFormation rejects it"
                    + " and every other AWS::Serverless resource; add the transform at the top"
                    + " level.";
            findings.add(context.finding(first.value().asMap().entry("Type").value().span(),
                    first.key(), message));
        }
        return findings;
    }

    private static List<String> transformNames(Node transform) {
        List<String> names = new ArrayList<>();
        if (transform == null) {
            return names;
        }
        if (transform.asList() != null) {
            transform.asList().items().forEach(item -> names.add(item.text()));
        } else if (transform.asMap() != null) {
            names.add(transform.asMap().getText("Name"));
        } else {
            names.add(transform.text());
        }
        names.removeIf(name -> name == null);
        return names;
    }

    private static MapNode.Entry firstSamResource(RuleContext context) {
        for (MapNode.Entry entry : context.template().resourceDefinitions().entries()) {
            MapNode definition = entry.value().asMap();
            String type = definition == null ? null : definition.getText("Type");
            if (type != null && type.startsWith(SAM_PREFIX)) {
                return entry;
            }
        }
        return null;
    }
}
