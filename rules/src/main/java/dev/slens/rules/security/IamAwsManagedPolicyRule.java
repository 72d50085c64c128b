package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.IamIndex;
import dev.slens.index.Value;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8007",
        name = "IamAwsManagedPolicy",
        summary = "Roles use policies scoped to their resources, not AWS managed ones",
        severity = Severity.INFO,
        securitySeverity = "3.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group",
            "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "access_policies_managed-vs-inline.html",
        tags = {"security", "iam", "least-privilege"},
        aliases = {"AwsSolutions-IAM4", "W44"})
public final class IamAwsManagedPolicyRule implements Rule {

    /**
     * AWS managed policies that grant only what a Lambda function, its tracing, or a SAM
     * deployment needs to run, so they are the usual way to give those permissions.
     */
    private static final Set<String> STANDARD = Set.of("AWSLambdaBasicExecutionRole",
            "AWSLambdaBasicDurableExecutionRolePolicy", "AWSLambdaVPCAccessExecutionRole",
            "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole",
            "AWSLambdaDynamoDBExecutionRole", "AWSLambdaMSKExecutionRole",
            "AWSXRayDaemonWriteAccess", "AWSXrayWriteOnlyAccess",
            "CloudWatchLambdaInsightsExecutionRolePolicy", "AWSCodeDeployRoleForLambda");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource identity : context.index().iam().identities()) {
            for (Alternative managed : context.index().iam().managedPolicies(identity)) {
                String name = awsManagedName(managed.value());
                if (name == null || STANDARD.contains(name) || reportedElsewhere(name)) {
                    continue;
                }
                boolean own = identity.isWritten() || identity.isServiceWide();
                String subject = own ? "'" + identity.logicalId() + "'"
                        : "the generated role of '" + identity.generatedFrom() + "'";
                findings.add(context.finding(managed.node().span(), identity.logicalId(),
                        "AWS managed policy '" + name + "' is attached to " + subject
                                + managed.qualifier() + ", so the identity gets every action"
                                + " AWS puts in it, on every resource, and more whenever AWS"
                                + " updates it; write a policy that names the actions and"
                                + " resources it needs."));
            }
        }
        return findings;
    }

    /** Returns the name of an AWS managed policy the value attaches, or null. */
    private static String awsManagedName(Value value) {
        if (!(value instanceof Value.Text text) || text.text().contains("{{ref:")) {
            return null;
        }
        String name = IamIndex.awsManagedPolicyName(text.text());
        return name == null || name.contains("{{") ? null : name;
    }

    /**
     * Returns whether SL1006 or SL8001 already reports the policy: administrator and power-user
     * access and the FullAccess family.
     */
    private static boolean reportedElsewhere(String name) {
        return name.equals("AdministratorAccess") || name.equals("PowerUserAccess")
                || name.endsWith("FullAccess");
    }
}
