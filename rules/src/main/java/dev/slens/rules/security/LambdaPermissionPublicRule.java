package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Node;
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
        id = "SL1011",
        name = "LambdaPermissionPublic",
        summary = "Lambda permissions do not let anyone invoke a function unconditionally",
        severity = Severity.ERROR,
        securitySeverity = "8.6",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Permission"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "access-control-resource-based.html",
        tags = {"security", "lambda", "resource-policy"},
        aliases = {"F13", "1d6e16f1", "LambdaFunctionPublicAccessProhibited", "FG_R00276"})
public final class LambdaPermissionPublicRule implements Rule {

    /** Properties that limit who may use a permission with {@code Principal: '*'}. */
    private static final List<String> NARROWING = List.of("SourceArn", "SourceAccount",
            "PrincipalOrgID");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        List<Resource> permissions = context.template()
                .resourcesOfType("AWS::Lambda::Permission");
        for (Resource permission : permissions) {
            Node principal = permission.property("Principal");
            boolean narrowed = NARROWING.stream()
                    .anyMatch(name -> present(context, permission.property(name)));
            if (principal == null || narrowed || isPublicUrl(context, permission)) {
                continue;
            }
            for (Alternative value : context.evaluator().alternatives(principal)) {
                if ("*".equals(value.value().exactText())) {
                    findings.add(context.finding(value.node().span(), permission.logicalId(),
                            "Permission '" + permission.logicalId() + "' sets Principal '*'"
                                    + value.qualifier() + " without SourceArn, SourceAccount"
                                    + " or PrincipalOrgID, so any AWS account may invoke the"
                                    + " function; set Principal to the account or service"
                                    + " that calls it, or add SourceArn or PrincipalOrgID."));
                }
            }
        }
        return findings;
    }

    /** Returns whether {@code node} is set to something in every branch. */
    private static boolean present(RuleContext context, Node node) {
        return node != null && context.evaluator().alternatives(node).stream()
                .noneMatch(a -> a.value() instanceof Value.NoValue);
    }

    /**
     * Returns whether the permission is one of the two a function URL with
     * {@code AuthType: NONE} needs: {@code lambda:InvokeFunctionUrl} with
     * {@code FunctionUrlAuthType: NONE}, or {@code lambda:InvokeFunction} with
     * {@code InvokedViaFunctionUrl: true}, which allows calls through the URL only. Whether such
     * a URL should be public is a question about the URL, not this permission.
     */
    private static boolean isPublicUrl(RuleContext context, Resource permission) {
        String action = context.evaluator().exactText(permission.property("Action"));
        String authType = context.evaluator().exactText(
                permission.property("FunctionUrlAuthType"));
        Node viaUrl = permission.property("InvokedViaFunctionUrl");
        boolean throughUrl = viaUrl != null && "true".equalsIgnoreCase(viaUrl.text());
        return "lambda:InvokeFunctionUrl".equalsIgnoreCase(action) && "NONE".equals(authType)
                || "lambda:InvokeFunction".equalsIgnoreCase(action) && throughUrl;
    }
}
