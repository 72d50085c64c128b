package dev.slens.rules.security;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL8014",
        name = "CloudFormationAuthenticationCredentials",
        summary = "CloudFormation::Authentication metadata uses roles, not credentials",
        severity = Severity.WARNING,
        securitySeverity = "6.8",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::EC2::Instance", "AWS::AutoScaling::LaunchConfiguration",
            "AWS::EC2::LaunchTemplate"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/"
                + "aws-resource-cloudformation-authentication.html",
        tags = {"security", "secrets", "cloudformation"},
        aliases = {"W1"})
public final class CloudFormationAuthenticationRule implements Rule {

    private static final String METADATA_KEY = "AWS::CloudFormation::Authentication";

    /** The keys of an authentication entry that hold credentials. */
    private static final List<String> CREDENTIAL_KEYS =
            List.of("accessKeyId", "secretKey", "password");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        SecretParameters parameters = new SecretParameters(context);
        for (MapNode.Entry resource : context.template().resourceDefinitions().entries()) {
            MapNode definition = resource.value().asMap();
            MapNode metadata = definition == null ? null : definition.getMap("Metadata");
            MapNode authentication = metadata == null ? null : metadata.getMap(METADATA_KEY);
            if (authentication == null) {
                continue;
            }
            for (MapNode.Entry entry : authentication.entries()) {
                MapNode settings = entry.value().asMap();
                for (String key : CREDENTIAL_KEYS) {
                    Node value = settings == null ? null : settings.get(key);
                    if (value != null) {
                        findings.add(finding(context, parameters, resource.key(),
                                entry.key() + "." + key, value));
                    }
                }
            }
        }
        return findings;
    }

    private static Finding finding(RuleContext context, SecretParameters parameters,
            String logicalId, String path, Node value) {
        boolean literal = parameters.referencedParameter(value) == null
                && context.evaluator().alternatives(value).stream()
                        .anyMatch(a -> a.value().exactText() != null
                                && !a.value().exactText().isEmpty()
                                && parameters.referencedParameter(a.node()) == null);
        String how = literal ? " as a literal, so the credential is stored in the template"
                : ", so the instance holds a long-lived credential";
        return context.finding(literal ? Severity.ERROR : Severity.WARNING, value.span(),
                logicalId, "Resource '" + logicalId + "' sets " + path + " in its "
                        + METADATA_KEY + " metadata" + how + "; give the instance a role"
                        + " and set roleName instead.");
    }
}
