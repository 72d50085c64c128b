package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
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
        id = "SL1015",
        name = "LambdaUrlCorsOrigin",
        summary = "Function URLs allow cross-origin requests from named origins only",
        severity = Severity.WARNING,
        securitySeverity = "5.3",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Url", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/urls-configuration.html",
        tags = {"security", "lambda", "function-url", "cors"},
        aliases = {"CKV2_AWS_75"})
public final class LambdaUrlCorsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource url : context.template().resourcesOfType("AWS::Lambda::Url")) {
            Node cors = url.property("Cors");
            if (cors == null) {
                continue;
            }
            for (Alternative block : evaluator.alternatives(cors)) {
                MapNode map = block.value() instanceof Value.Structure structure
                        ? structure.node().asMap() : null;
                if (map != null && map.get("AllowOrigins") != null) {
                    checkOrigins(context, url, block, map, findings);
                }
            }
        }
        return findings;
    }

    private static void checkOrigins(RuleContext context, Resource url, Alternative block,
            MapNode cors, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        for (Alternative origin : evaluator.elements(cors.get("AllowOrigins"))) {
            if (!"*".equals(origin.value().exactText())) {
                continue;
            }
            List<String> conditions = new ArrayList<>(block.conditions());
            conditions.addAll(origin.conditions());
            String when = conditions.isEmpty() ? ""
                    : " (when " + String.join(" and ", conditions) + ")";
            boolean credentials = allowsCredentials(evaluator, cors.get("AllowCredentials"));
            Severity severity = credentials ? Severity.ERROR : Severity.WARNING;
            findings.add(context.finding(severity, origin.node().span(), url.logicalId(),
                    message(url, when, credentials)));
        }
    }

    /** Returns whether {@code AllowCredentials} is true in some branch. */
    private static boolean allowsCredentials(Evaluator evaluator, Node node) {
        return node != null && evaluator.alternatives(node).stream()
                .anyMatch(a -> "true".equalsIgnoreCase(SettingBranches.text(a.value())));
    }

    private static String message(Resource url, String when, boolean credentials) {
        String subject = url.isWritten() ? "Function URL '" + url.logicalId() + "'"
                : "The function URL of '" + url.generatedFrom() + "'";
        String risk = credentials
                ? " together with AllowCredentials 'true', so any web page may send requests"
                        + " with the visitor's cookies and read the responses"
                : ", so any web page may call the function from a visitor's browser and read"
                        + " the responses";
        String fix = url.isWritten() ? "list the origins of your own web applications instead."
                : "list the origins of your own web applications instead (in serverless.yml,"
                        + " 'cors: true' and a cors block without allowedOrigins allow every"
                        + " origin, so set url.cors.allowedOrigins).";
        return subject + " lists '*' in Cors.AllowOrigins" + when + risk + "; " + fix;
    }
}
