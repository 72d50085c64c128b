package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.ApiStages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

@RuleInfo(
        id = "SL2022",
        name = "ApiGatewayExecutionLogging",
        summary = "REST API stages write execution logs at ERROR or INFO level",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "rest-api-execution-logging.html",
        tags = {"api-gateway", "observability", "logging"},
        aliases = {"AwsSolutions-APIG6"})
public final class ApiGatewayExecutionLoggingRule implements Rule {

    private static final Set<String> LOGGING = Set.of("ERROR", "INFO");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            if (stage.protocol() != ApiStages.Protocol.REST) {
                continue;
            }
            Node level = loggingLevel(context, stage);
            if (level == null) {
                report(context, stage, stage.resource().span(), " sets no LoggingLevel for"
                        + " every method", findings);
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(level)) {
                String text = alternative.value().exactText();
                boolean off = alternative.value() instanceof Value.NoValue
                        || text != null && !LOGGING.contains(text.toUpperCase(Locale.ROOT));
                if (off) {
                    SourceSpan at = stage.fromServerless() ? stage.resource().span()
                            : alternative.node().span();
                    report(context, stage, at, " sets LoggingLevel to '" + text + "'"
                            + alternative.qualifier(), findings);
                }
            }
        }
        return findings;
    }

    /**
     * Returns the LoggingLevel that applies to every method: the catch-all MethodSettings
     * entry's, else a deployment's {@code StageDescription.LoggingLevel}, or {@code null}.
     */
    private static Node loggingLevel(RuleContext context, ApiStages.Stage stage) {
        Node methodSettings = stage.setting("MethodSettings");
        MapNode catchAll = methodSettings == null ? null
                : ApiStages.catchAllMethodSettings(context.evaluator(), methodSettings);
        if (catchAll != null && catchAll.get("LoggingLevel") != null) {
            return catchAll.get("LoggingLevel");
        }
        boolean deployment = stage.resource().type().equals(ApiStages.REST_DEPLOYMENT);
        return deployment ? stage.setting("LoggingLevel") : null;
    }

    private static void report(RuleContext context, ApiStages.Stage stage, SourceSpan at,
            String problem, List<Finding> findings) {
        String advice = ApiStages.advice(context.template(), stage,
                "; add a " + stage.prefix() + "MethodSettings entry with HttpMethod '*',"
                        + " ResourcePath '/*' and LoggingLevel 'ERROR' or 'INFO'.",
                "; add a MethodSettings entry with HttpMethod '*', ResourcePath '/*' and"
                        + " LoggingLevel 'ERROR' or 'INFO' on the SAM API or in Globals.Api.",
                "; set provider.logs.restApi to true in serverless.yml, with level 'ERROR' or"
                        + " 'INFO'.");
        findings.add(context.finding(at, stage.resource().logicalId(), stage.label() + problem
                + ", so API Gateway records no integration errors or authorizer decisions"
                + advice));
    }
}
