package dev.slens.rules.security;

import dev.slens.index.Alternative;
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
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "SL1016",
        name = "LambdaPermissionAction",
        summary = "Lambda permissions grant only the invoke actions",
        severity = Severity.WARNING,
        securitySeverity = "6.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Permission"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "access-control-resource-based.html",
        tags = {"security", "lambda", "resource-policy", "least-privilege"},
        aliases = {"W24", "9b83114b"})
public final class LambdaPermissionActionRule implements Rule {

    /** The actions a caller needs to invoke a function directly or through its URL. */
    private static final Set<String> INVOKE_ACTIONS =
            Set.of("lambda:invokefunction", "lambda:invokefunctionurl");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource permission : context.template().resourcesOfType("AWS::Lambda::Permission")) {
            Node action = permission.property("Action");
            if (action == null) {
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(action)) {
                String text = branch.value().exactText();
                if (text != null && !INVOKE_ACTIONS.contains(text.toLowerCase(Locale.ROOT))) {
                    findings.add(context.finding(branch.node().span(), permission.logicalId(),
                            "Permission '" + permission.logicalId() + "' grants Action '" + text
                                    + "'" + branch.qualifier() + ", which is neither"
                                    + " 'lambda:InvokeFunction' nor 'lambda:InvokeFunctionUrl',"
                                    + " so the principal may manage the function, or gets"
                                    + " nothing when the action does not exist; set Action to"
                                    + " the invoke action the caller needs."));
                }
            }
        }
        return findings;
    }
}
