package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.IamActions;
import dev.slens.index.IamIndex;
import dev.slens.index.PolicyStatement;
import dev.slens.index.Value;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL1019",
        name = "LambdaRoleLogPermission",
        summary = "Execution roles allow the function to write its logs",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::IAM::Role", "AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html",
        tags = {"lambda", "iam", "logging"},
        aliases = {"W58"})
public final class LambdaRoleLogPermissionRule implements Rule {

    /** The actions a function needs to write to a log group that already exists. */
    private static final List<String> LOG_ACTIONS =
            List.of("logs:CreateLogStream", "logs:PutLogEvents");

    /** AWS managed policies that allow both log actions. */
    private static final Set<String> LOGGING_POLICIES = Set.of("AWSLambdaBasicExecutionRole",
            "AWSLambdaVPCAccessExecutionRole", "AWSLambdaKinesisExecutionRole",
            "AWSLambdaDynamoDBExecutionRole", "AWSLambdaSQSQueueExecutionRole",
            "AWSLambdaMSKExecutionRole", "AWSLambdaBasicDurableExecutionRolePolicy",
            "AWSLambdaExecute", "CloudWatchLogsFullAccess",
            "AdministratorAccess", "PowerUserAccess");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        Set<Resource> checked = new LinkedHashSet<>();
        for (Resource function : context.index().functions()) {
            Resource role = context.index().roleOf(function);
            if (role == null || !checked.add(role)) {
                continue;
            }
            List<String> missing = missingActions(context, role);
            if (!missing.isEmpty()) {
                boolean own = role.isWritten() || role.isServiceWide();
                String name = own ? "Role '" + role.logicalId() + "'"
                        : "The generated role of '" + role.generatedFrom() + "'";
                findings.add(context.finding(role.span(), role.logicalId(), name
                        + " does not allow " + String.join(" and ", missing) + ", so '"
                        + function.logicalId() + "' cannot write its logs; attach"
                        + " AWSLambdaBasicExecutionRole or allow those actions on the"
                        + " function's log group."));
            }
        }
        return findings;
    }

    /**
     * Returns the log actions no statement of the role allows, or an empty list when all are
     * allowed or when an unknown policy or action may allow them.
     */
    private static List<String> missingActions(RuleContext context, Resource role) {
        IamIndex iam = context.index().iam();
        Evaluator evaluator = context.evaluator();
        for (Alternative managed : iam.managedPolicies(role)) {
            String text = managed.value() instanceof Value.Text written ? written.text() : null;
            String name = text == null ? null : IamIndex.awsManagedPolicyName(text);
            if (name == null || LOGGING_POLICIES.contains(name)) {
                return List.of();
            }
        }
        List<String> missing = new ArrayList<>(LOG_ACTIONS);
        for (PolicyStatement statement : iam.statements(role)) {
            for (PolicyStatement allowed : statement.allowing(evaluator)) {
                List<String> actions = allowed.texts(evaluator, "Action");
                if (actions.contains(null)) {
                    return List.of();
                }
                missing.removeIf(action -> actions.stream()
                        .anyMatch(pattern -> IamActions.covers(pattern, action)));
            }
        }
        return missing;
    }
}
