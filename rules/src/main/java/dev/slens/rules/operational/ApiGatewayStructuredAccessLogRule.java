package dev.slens.rules.operational;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL2021",
        name = "ApiGatewayStructuredAccessLog",
        summary = "API Gateway access logs are written as JSON",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT, ApiStages.V2_STAGE},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "set-up-logging.html",
        tags = {"api-gateway", "observability", "logging"},
        aliases = {"WS2001", "Serverless-APIGWStructuredLogging"})
public final class ApiGatewayStructuredAccessLogRule implements Rule {

    /**
     * A {@code $context} or {@code $stageVariables} variable, which API Gateway replaces with a
     * value when it writes the log line. Replacing it with a digit keeps both the quoted form
     * ({@code "$context.status"}) and the bare form of numbers valid JSON.
     */
    static final Pattern VARIABLE = Pattern.compile(
            "\\$(context|stageVariables)(\\.[A-Za-z0-9_-]+)+");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.AccessLogFormat log
                : ApiStages.accessLogFormats(context.template(), context.evaluator())) {
            checkFormat(context, log.stage(), log.path(), log.format(), findings);
        }
        return findings;
    }

    private static void checkFormat(RuleContext context, ApiStages.Stage stage, String path,
            Node format, List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(format)) {
            String text = alternative.value().exactText();
            if (text == null || text.isBlank() || isJsonObject(text)) {
                continue;
            }
            String advice = ApiStages.advice(context.template(), stage,
                    "; write " + path + " as a JSON object, such as"
                            + " {\"requestId\":\"$context.requestId\"}.",
                    "; write the Format of the SAM API's access log setting as a JSON object.",
                    "; set provider.logs." + serverlessApiKey(stage) + ".format in"
                            + " serverless.yml to a string that contains a JSON object, such as"
                            + " '{\"requestId\":\"$context.requestId\"}'.");
            findings.add(context.finding(Settings.spanOf(format, alternative),
                    stage.resource().logicalId(), stage.label() + " writes access logs in a"
                            + " format that is not JSON" + alternative.qualifier()
                            + ", so CloudWatch Logs Insights cannot query their fields"
                            + advice));
        }
    }

    /**
     * Returns whether {@code format} is a JSON object once API Gateway has filled in its
     * variables.
     */
    static boolean isJsonObject(String format) {
        String filled = VARIABLE.matcher(format).replaceAll("0");
        try {
            JsonNode parsed = Json.MAPPER.readTree(filled);
            return parsed != null && parsed.isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Returns the key under {@code provider.logs} that configures the stage's API. */
    static String serverlessApiKey(ApiStages.Stage stage) {
        return switch (stage.protocol()) {
            case REST -> "restApi";
            case HTTP -> "httpApi";
            case WEBSOCKET -> "websocket";
        };
    }

    /**
     * The mapper, in a holder class so that it is built on first use. Building one loads a few
     * hundred Jackson classes, which would add to the start-up of every scan.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
