package dev.slens.rules.security;

import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL8015",
        name = "IamRolePermissionsBoundary",
        summary = "Execution roles carry the organization's permissions boundary",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::IAM::Role", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
                + "access_policies_boundaries.html",
        tags = {"security", "iam", "permissions-boundary"},
        enabledByDefault = false)
public final class IamRolePermissionsBoundaryRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource role : context.index().executionRoles()) {
            for (List<String> branch : SettingBranches.absent(context.evaluator(),
                    role.property("PermissionsBoundary"))) {
                String when = branch.isEmpty() ? ""
                        : " (when " + String.join(" and ", branch) + ")";
                boolean own = role.isWritten() || role.isServiceWide();
                String name = own ? "Role '" + role.logicalId() + "'"
                        : "The generated role of '" + role.generatedFrom() + "'";
                findings.add(context.finding(role.span(), role.logicalId(), name
                        + " has no PermissionsBoundary" + when + ", so nothing caps what its"
                        + " policies may grant; set PermissionsBoundary (SAM and Serverless"
                        + " Framework: permissionsBoundary) to your organization's boundary"
                        + " policy."));
                break;
            }
        }
        return findings;
    }
}
