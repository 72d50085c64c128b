package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Adds the resources of the provider's API settings: {@code apiGateway.usagePlan} with its
 * throttling and quota, {@code apiGateway.apiKeys}, and the log groups of
 * {@code logs.restApi} and {@code logs.httpApi}.
 */
final class ApiSettings {

    private ApiSettings() {
    }

    static void apply(ServiceModel model, boolean restApi, boolean httpApi) {
        if (restApi) {
            usagePlans(model);
            apiKeys(model);
            logGroup(model, "ApiGatewayLogGroup", "/aws/api-gateway/", "restApi");
        }
        if (httpApi) {
            logGroup(model, "HttpApiLogGroup", "/aws/http-api/", "httpApi");
        }
    }

    private static void usagePlans(ServiceModel model) {
        MapNode.Entry entry = model.providerEntry("apiGateway", "usagePlan");
        if (entry == null) {
            return;
        }
        if (entry.value().asMap() != null) {
            usagePlan(model, "ApiGatewayUsagePlan", entry.value().asMap(), entry.keySpan());
            return;
        }
        for (Node item : ServiceModel.items(entry.value())) {
            MapNode named = item.asMap();
            if (named != null && named.size() == 1) {
                MapNode.Entry plan = named.entries().iterator().next();
                MapNode settings = plan.value().asMap() == null ? Nodes.map(plan.keySpan())
                        : plan.value().asMap();
                usagePlan(model, "ApiGatewayUsagePlan" + Naming.upperFirst(plan.key()), settings,
                        plan.keySpan());
            }
        }
    }

    private static void usagePlan(ServiceModel model, String id, MapNode plan, SourceSpan at) {
        MapNode throttle = plan.getMap("throttle");
        MapNode quota = plan.getMap("quota");
        model.add(id, "AWS::ApiGateway::UsagePlan", Nodes.map(at,
                "ApiStages", Nodes.list(at, List.of(Nodes.map(at,
                        "ApiId", Nodes.ref(Naming.REST_API, at),
                        "Stage", Nodes.text(model.stage(), at)))),
                "Description", Nodes.text("Usage plan for " + model.service() + " "
                        + model.stage() + " stage", at),
                "UsagePlanName", Nodes.text(model.service() + "-" + model.stage(), at),
                "Throttle", throttle == null ? null : Nodes.map(throttle.span(),
                        "BurstLimit", throttle.get("burstLimit"),
                        "RateLimit", throttle.get("rateLimit")),
                "Quota", quota == null ? null : Nodes.map(quota.span(),
                        "Limit", quota.get("limit"),
                        "Offset", quota.get("offset"),
                        "Period", quota.get("period"))), at, null);
    }

    /**
     * Adds the API keys and attaches each to its usage plan: keys listed under a plan's name
     * to that plan, the others to {@code ApiGatewayUsagePlan}. When keys are set without
     * {@code usagePlan}, the framework creates that plan without limits, and so does slens.
     */
    private static void apiKeys(ServiceModel model) {
        MapNode.Entry entry = model.providerEntry("apiGateway", "apiKeys");
        if (entry == null) {
            return;
        }
        SourceSpan at = entry.keySpan();
        if (model.providerEntry("apiGateway", "usagePlan") == null) {
            usagePlan(model, "ApiGatewayUsagePlan", Nodes.map(at), at);
        }
        int index = 1;
        for (Node key : ServiceModel.items(entry.value())) {
            MapNode map = key.asMap();
            MapNode.Entry group = map != null && map.size() == 1 && map.get("name") == null
                    ? map.entries().iterator().next() : null;
            if (group == null) {
                apiKey(model, index++, key, "ApiGatewayUsagePlan", at);
                continue;
            }
            String plan = "ApiGatewayUsagePlan" + Naming.upperFirst(group.key());
            for (Node grouped : ServiceModel.items(group.value())) {
                apiKey(model, index++, grouped, plan, at);
            }
        }
    }

    private static void apiKey(ServiceModel model, int index, Node key, String plan,
            SourceSpan at) {
        Node name = key.text() != null ? key : key.asMap() == null ? null
                : key.asMap().get("name");
        String keyId = "ApiGatewayApiKey" + index;
        model.add(keyId, "AWS::ApiGateway::ApiKey", Nodes.map(at,
                "Enabled", ServiceModel.bool(true, at),
                "Name", name,
                "StageKeys", Nodes.list(at, List.of(Nodes.map(at,
                        "RestApiId", Nodes.ref(Naming.REST_API, at),
                        "StageName", Nodes.text(model.stage(), at))))), at, null);
        model.add("ApiGatewayUsagePlanKey" + index, "AWS::ApiGateway::UsagePlanKey",
                Nodes.map(at, "KeyId", Nodes.ref(keyId, at),
                        "KeyType", Nodes.text("API_KEY", at),
                        "UsagePlanId", Nodes.ref(plan, at)), at, null);
    }

    private static void logGroup(ServiceModel model, String id, String prefix, String key) {
        MapNode.Entry logs = model.providerEntry("logs", key);
        if (logs == null || "false".equals(logs.value().text())) {
            return;
        }
        MapNode.Entry retention = model.providerEntry("logRetentionInDays");
        model.add(id, "AWS::Logs::LogGroup", Nodes.map(logs.keySpan(),
                "LogGroupName", Nodes.text(prefix + model.service() + "-" + model.stage(),
                        logs.keySpan()),
                "RetentionInDays", retention == null ? null : retention.value()),
                logs.keySpan(), null);
    }
}
