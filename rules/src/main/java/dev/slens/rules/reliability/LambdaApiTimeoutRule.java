package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.ApiIntegration;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1040",
        name = "LambdaApiTimeout",
        summary = "Functions behind an API finish within the API's integration timeout",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
            "AWS::ApiGateway::Method", "AWS::ApiGatewayV2::Integration"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html",
        tags = {"lambda", "api-gateway", "timeout"},
        parameters = {
            @RuleParameter(name = "restApiTimeoutSeconds", defaultValue = "29", min = 1,
                    max = 900,
                    description = "Seconds a REST API waits for a function when the integration"
                            + " sets no TimeoutInMillis; raise it when your quota was raised."),
            @RuleParameter(name = "httpApiTimeoutSeconds", defaultValue = "30", min = 1,
                    max = 30,
                    description = "Seconds an HTTP API waits for a function when the integration"
                            + " sets no TimeoutInMillis."),
            @RuleParameter(name = "webSocketApiTimeoutSeconds", defaultValue = "29",
                    min = 1, max = 29,
                    description = "Seconds a WebSocket API waits for a function when the"
                            + " integration sets no TimeoutInMillis.")})
public final class LambdaApiTimeoutRule implements Rule {

    /** Lambda's timeout when a function sets none. */
    private static final BigDecimal DEFAULT_TIMEOUT = BigDecimal.valueOf(3);
    private static final BigDecimal MILLIS = BigDecimal.valueOf(1000);

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            List<ApiIntegration> integrations = context.index()
                    .apiIntegrations(function.logicalId());
            if (integrations.isEmpty()) {
                continue;
            }
            Node timeout = function.property("Timeout");
            if (timeout == null) {
                check(context, function, DEFAULT_TIMEOUT, function.span(), "", integrations,
                        findings);
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(timeout)) {
                BigDecimal seconds = Seconds.of(alternative);
                if (seconds != null) {
                    check(context, function, seconds, alternative.node().span(),
                            alternative.qualifier(), integrations, findings);
                }
            }
        }
        return findings;
    }

    private static void check(RuleContext context, Resource function, BigDecimal seconds,
            SourceSpan at, String qualifier, List<ApiIntegration> integrations,
            List<Finding> findings) {
        List<Finding.Related> related = new ArrayList<>();
        BigDecimal shortest = null;
        ApiIntegration first = null;
        for (ApiIntegration integration : integrations) {
            for (BigDecimal limit : limits(context, integration)) {
                if (seconds.compareTo(limit) > 0) {
                    Finding.Related place = new Finding.Related(integration.span(),
                            integration.kind().label() + " integration that waits at most "
                                    + limit.toPlainString() + " seconds");
                    if (!related.contains(place)) {
                        related.add(place);
                    }
                    if (shortest == null || limit.compareTo(shortest) < 0) {
                        shortest = limit;
                        first = integration;
                    }
                }
            }
        }
        if (first != null) {
            findings.add(context.finding(Severity.WARNING, at.isKnown() ? at : function.span(),
                    function.logicalId(),
                    message(context, function, seconds, qualifier, first, shortest),
                    related));
        }
    }

    /** Returns the limits an integration may have, in seconds; empty when none is known. */
    private static List<BigDecimal> limits(RuleContext context, ApiIntegration integration) {
        if (integration.timeoutMillis() == null) {
            String parameter = switch (integration.kind()) {
                case REST -> "restApiTimeoutSeconds";
                case HTTP -> "httpApiTimeoutSeconds";
                case WEBSOCKET -> "webSocketApiTimeoutSeconds";
            };
            return List.of(BigDecimal.valueOf(context.intParameter(parameter)));
        }
        List<BigDecimal> limits = new ArrayList<>();
        for (Alternative alternative : context.evaluator()
                .alternatives(integration.timeoutMillis())) {
            BigDecimal millis = Seconds.of(alternative);
            if (millis != null) {
                limits.add(millis.divide(MILLIS));
            }
        }
        return limits;
    }

    private static String message(RuleContext context, Resource function, BigDecimal seconds,
            String qualifier, ApiIntegration integration, BigDecimal limit) {
        String timeout = function.property("Timeout") == null
                ? "sets no Timeout, so Lambda allows it the default 3 seconds"
                : "has Timeout '" + seconds.toPlainString() + "'" + qualifier;
        return "Function '" + function.logicalId() + "' " + timeout + ", but the "
                + integration.kind().label() + " that calls it waits at most "
                + limit.toPlainString() + " seconds, so the caller gets a 504 while the function"
                + " keeps running and is billed; " + context.fix(function.logicalId(),
                        "set Timeout", "set timeout on function '" + function.generatedFrom()
                        + "'")
                + " to at most " + limit.toPlainString() + " or move the long work behind a"
                + " queue or a state machine.";
    }
}
