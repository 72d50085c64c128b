package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.ApiStages;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

@RuleInfo(
        id = "SL2029",
        name = "ApiGatewayAccessLogFields",
        summary = "JSON access logs record the request ID, status and integration result",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT, ApiStages.V2_STAGE},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-variables-for-access-logging.html",
        tags = {"api-gateway", "observability", "logging"})
public final class ApiGatewayAccessLogFieldsRule implements Rule {

    /**
     * The fields a JSON access log should record to trace a failed request, each with the
     * variables that provide it. Any one variable of a field counts, because REST, HTTP and
     * WebSocket APIs document different sets of names for the same value.
     */
    private static final List<RecommendedField> RECOMMENDED_FIELDS = List.of(
            new RecommendedField("request ID", "$context.requestId",
                    "$context.extendedRequestId"),
            new RecommendedField("status", "$context.status"),
            new RecommendedField("integration error", "$context.integrationErrorMessage",
                    "$context.integration.error"),
            new RecommendedField("integration latency", "$context.integrationLatency",
                    "$context.integration.latency"));

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.AccessLogFormat log
                : ApiStages.accessLogFormats(context.template(), context.evaluator())) {
            checkFormat(context, log.stage(), log.path(), log.format(), findings);
        }
        return findings;
    }

    /**
     * Reports each JSON value of {@code format} that leaves out a field of
     * {@link #RECOMMENDED_FIELDS}, naming the missing fields and a variable for each. SL2021
     * reports formats that are not JSON.
     */
    private static void checkFormat(RuleContext context, ApiStages.Stage stage, String path,
            Node format, List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(format)) {
            String text = alternative.value().exactText();
            if (text == null || !ApiGatewayStructuredAccessLogRule.isJsonObject(text)) {
                continue;
            }
            Set<String> variables = new HashSet<>();
            Matcher matcher = ApiGatewayStructuredAccessLogRule.VARIABLE.matcher(text);
            while (matcher.find()) {
                variables.add(matcher.group());
            }
            List<String> missing = new ArrayList<>();
            List<String> toAdd = new ArrayList<>();
            for (RecommendedField field : RECOMMENDED_FIELDS) {
                if (field.variables().stream().noneMatch(variables::contains)) {
                    missing.add(field.name());
                    toAdd.add("'" + field.variables().get(0) + "'");
                }
            }
            if (missing.isEmpty()) {
                continue;
            }
            String where = ApiStages.advice(context.template(), stage, path,
                    "the Format of the SAM API's access log setting",
                    "provider.logs." + ApiGatewayStructuredAccessLogRule.serverlessApiKey(stage)
                            + ".format in serverless.yml");
            findings.add(context.finding(Settings.spanOf(format, alternative),
                    stage.resource().logicalId(), stage.label() + " writes JSON access logs"
                            + " without the " + String.join(", ", missing) + " field"
                            + (missing.size() == 1 ? "" : "s") + alternative.qualifier()
                            + ", so a failed request is hard to trace; add "
                            + String.join(", ", toAdd) + " to " + where + "."));
        }
    }

    /** A field of a useful access log and the variables that record it. */
    private record RecommendedField(String name, List<String> variables) {
        RecommendedField(String name, String... variables) {
            this(name, List.of(variables));
        }
    }
}
