package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "SL9034",
        name = "StatefulResourceDeletion",
        summary = "Resources that hold data are retained when the stack deletes them",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                "AWS::Serverless::SimpleTable", "AWS::SQS::Queue", "AWS::Logs::LogGroup",
                "AWS::KMS::Key", "AWS::SecretsManager::Secret", "AWS::Kinesis::Stream"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "aws-attribute-deletionpolicy.html",
        tags = {"data-protection", "deployment"},
        aliases = {"I3011", "W3011"},
        enabledByDefault = false)
public final class StatefulResourceDeletionRule implements Rule {

    /** The resource types that hold data, with the word messages use for them. */
    private static final Map<String, String> STATEFUL = Map.of(
            "AWS::DynamoDB::Table", "Table", "AWS::DynamoDB::GlobalTable", "Global table",
            "AWS::SQS::Queue", "Queue", "AWS::Logs::LogGroup", "Log group",
            "AWS::KMS::Key", "Key", "AWS::SecretsManager::Secret", "Secret",
            "AWS::Kinesis::Stream", "Stream");
    /** Policies that keep the resource, or a snapshot of it, when the stack deletes it. */
    private static final Set<String> KEEPING = Set.of("Retain", "RetainExceptOnCreate",
            "Snapshot");
    private static final List<String> POLICIES = List.of("DeletionPolicy", "UpdateReplacePolicy");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        MapNode definitions = context.template().resourceDefinitions();
        for (Resource resource : context.template().resources().values()) {
            String kind = STATEFUL.get(resource.type());
            MapNode written = definitions.getMap(resource.logicalId());
            if (kind == null || !resource.isWritten() || written == null
                    || deletionProtected(context, resource)) {
                continue;
            }
            if ("AWS::Serverless::SimpleTable".equals(written.getText("Type"))) {
                kind = "SimpleTable";
            }
            String advice = protectionAdvice(resource, kind);
            if (written.get(POLICIES.get(0)) == null && written.get(POLICIES.get(1)) == null) {
                findings.add(context.finding(resource.span(), resource.logicalId(), kind + " '"
                        + resource.logicalId() + "' has neither DeletionPolicy nor"
                        + " UpdateReplacePolicy, so deleting the stack, removing the resource"
                        + " or replacing it deletes its data; set both to 'Retain'" + advice
                        + "."));
                continue;
            }
            for (String policy : POLICIES) {
                for (String gap : gaps(context, written.get(policy))) {
                    SourceSpan at = written.get(policy) == null ? resource.span()
                            : written.entry(policy).keySpan();
                    findings.add(context.finding(at, resource.logicalId(), kind + " '"
                            + resource.logicalId() + "' " + gap.replace("%s", policy)
                            + ", so " + consequence(policy) + "; set " + policy
                            + " to 'Retain'" + advice + "."));
                }
            }
        }
        return findings;
    }

    /**
     * Returns the problems of a policy attribute: "has no %s" when it is missing, and one
     * "sets %s to 'Delete'" per branch that deletes. An unknown value gives none.
     */
    private static List<String> gaps(RuleContext context, Node policy) {
        if (policy == null) {
            return List.of("has no %s");
        }
        List<String> gaps = new ArrayList<>();
        for (Alternative alternative : context.evaluator().alternatives(policy)) {
            String text = alternative.value().exactText();
            if (text != null && !KEEPING.contains(text)) {
                gaps.add("sets %s to '" + text + "'" + alternative.qualifier());
            }
        }
        return gaps;
    }

    /** Returns whether a DynamoDB table has deletion protection on in every branch. */
    private static boolean deletionProtected(RuleContext context, Resource resource) {
        Node protection = resource.property("DeletionProtectionEnabled");
        if (protection == null || !resource.type().equals("AWS::DynamoDB::Table")) {
            return false;
        }
        for (Alternative alternative : context.evaluator().alternatives(protection)) {
            String text = alternative.value() instanceof Value.Literal literal
                    ? literal.text() : alternative.value().exactText();
            if (text == null || !text.toLowerCase(Locale.ROOT).equals("true")) {
                return false;
            }
        }
        return true;
    }

    private static String consequence(String policy) {
        return policy.equals("DeletionPolicy")
                ? "deleting the stack or removing the resource from it deletes its data"
                : "a change that replaces the resource deletes the data of the old one";
    }

    private static String protectionAdvice(Resource resource, String kind) {
        return resource.type().equals("AWS::DynamoDB::Table") && !kind.equals("SimpleTable")
                ? " or DeletionProtectionEnabled to true" : "";
    }
}
