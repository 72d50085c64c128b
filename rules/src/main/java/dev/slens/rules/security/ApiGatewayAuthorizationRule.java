package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
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
        id = "SL2001",
        name = "ApiGatewayAuthorization",
        summary = "API Gateway methods and routes require authorization",
        severity = Severity.WARNING,
        securitySeverity = "6.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Method", "AWS::ApiGateway::RestApi",
            "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Api"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "apigateway-control-access-to-api.html",
        tags = {"security", "api-gateway", "authorization"},
        aliases = {"W59", "CKV_AWS_59", "AwsSolutions-APIG4", "AwsSolutions-COG4", "1056dfbb",
            "3641d5b4", "AWS-0004"})
public final class ApiGatewayAuthorizationRule implements Rule {

    private static final String FIX = "set an authorizer or AWS_IAM, or suppress the finding"
            + " with the reason when the endpoint is public on purpose.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource method : context.template().resourcesOfType("AWS::ApiGateway::Method")) {
            method(context, method, findings);
        }
        for (Resource route : context.template().resourcesOfType("AWS::ApiGatewayV2::Route")) {
            route(context, route, findings);
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            OpenApiSecurity.check(context, api, FIX, findings);
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGatewayV2::Api")) {
            OpenApiSecurity.check(context, api, FIX, findings);
            quickCreate(context, api, findings);
        }
        return findings;
    }

    private static void method(RuleContext context, Resource method, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        String verb = evaluator.exactText(method.property("HttpMethod"));
        MapNode integration = method.property("Integration") == null ? null
                : method.property("Integration").asMap();
        String type = integration == null ? null : evaluator.exactText(integration.get("Type"));
        if (verb == null || verb.equalsIgnoreCase("OPTIONS") || "MOCK".equalsIgnoreCase(type)
                || !SettingBranches.equalTo(evaluator, method.property("ApiKeyRequired"), "true")
                        .isEmpty()
                || keyRequiredUnknown(evaluator, method.property("ApiKeyRequired"))) {
            return;
        }
        Node authorization = method.property("AuthorizationType");
        if (authorization == null) {
            findings.add(context.finding(method.span(), method.logicalId(), "Method '"
                    + method.logicalId() + "' (" + verb + ") has no AuthorizationType and"
                    + " requires no API key, so anyone can call it; " + FIX));
            return;
        }
        for (Alternative none : SettingBranches.equalTo(evaluator, authorization, "NONE")) {
            findings.add(context.finding(none.node().span(), method.logicalId(), "Method '"
                    + method.logicalId() + "' (" + verb + ") sets AuthorizationType 'NONE'"
                    + none.qualifier() + " and requires no API key, so anyone can call it; "
                    + FIX));
        }
    }

    private static boolean keyRequiredUnknown(Evaluator evaluator, Node keyRequired) {
        return keyRequired != null && evaluator.alternatives(keyRequired).stream()
                .anyMatch(a -> a.value() instanceof Value.Unknown);
    }

    private static void route(RuleContext context, Resource route, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        String key = evaluator.exactText(route.property("RouteKey"));
        String protocol = ApiProtocols.of(context, route.property("ApiId"), key);
        boolean checked = "HTTP".equals(protocol) && (key == null || !key.startsWith("OPTIONS "))
                || "WEBSOCKET".equals(protocol) && "$connect".equals(key);
        if (!checked) {
            return;
        }
        Node authorization = route.property("AuthorizationType");
        String subject = "Route '" + route.logicalId() + "'" + (key == null ? "" : " ('" + key
                + "')");
        if (authorization == null) {
            findings.add(context.finding(route.span(), route.logicalId(), subject
                    + " has no AuthorizationType, so anyone can call it; " + FIX));
            return;
        }
        for (Alternative none : SettingBranches.equalTo(evaluator, authorization, "NONE")) {
            findings.add(context.finding(none.node().span(), route.logicalId(), subject
                    + " sets AuthorizationType 'NONE'" + none.qualifier()
                    + ", so anyone can call it; " + FIX));
        }
    }

    /**
     * Reports an HTTP API made by quick create: its {@code Target} gives it a default route that
     * has no authorization and that the template cannot configure.
     */
    private static void quickCreate(RuleContext context, Resource api, List<Finding> findings) {
        MapNode.Entry target = api.properties().entry("Target");
        if (target == null || api.property("Body") != null) {
            return;
        }
        findings.add(context.finding(target.keySpan(), api.logicalId(), "API '"
                + api.logicalId() + "' sets Target, so API Gateway creates a default route"
                + " without authorization that anyone can call; remove Target and define an"
                + " AWS::ApiGatewayV2::Route with an authorizer, or suppress the finding with the"
                + " reason when the API is public on purpose."));
    }

    /** Returns whether a security list names at least one scheme other than NONE. */
    static boolean protects(ListNode security) {
        if (security == null) {
            return false;
        }
        boolean named = false;
        for (Node item : security.items()) {
            MapNode requirement = item.asMap();
            if (requirement == null || requirement.size() == 0) {
                return false;
            }
            named |= requirement.keys().stream().anyMatch(key -> !key.equals("NONE"));
        }
        return named;
    }
}
