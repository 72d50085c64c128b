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

@RuleInfo(
        id = "SL1014",
        name = "LambdaUrlAuth",
        summary = "Function URLs require IAM authentication",
        severity = Severity.WARNING,
        securitySeverity = "6.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Url", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html",
        tags = {"security", "lambda", "function-url", "authentication"},
        aliases = {"CKV_AWS_258", "Serverless-LambdaFunctionUrlAuth", "CT.LAMBDA.PV.1"})
public final class LambdaUrlAuthRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource url : context.template().resourcesOfType("AWS::Lambda::Url")) {
            Node authType = url.property("AuthType");
            if (authType == null) {
                continue;
            }
            for (Alternative branch : context.evaluator().alternatives(authType)) {
                if ("NONE".equals(branch.value().exactText())) {
                    findings.add(context.finding(branch.node().span(), url.logicalId(),
                            message(url, branch)));
                }
            }
        }
        return findings;
    }

    private static String message(Resource url, Alternative branch) {
        String subject = url.isWritten() ? "Function URL '" + url.logicalId() + "'"
                : "The function URL of '" + url.generatedFrom() + "'";
        return subject + " sets AuthType to 'NONE'" + branch.qualifier() + ", so anyone on the"
                + " internet may invoke the function without signing the request; set AuthType"
                + " to 'AWS_IAM', or check a signature or token in the function and suppress"
                + " this finding with the reason.";
    }
}
