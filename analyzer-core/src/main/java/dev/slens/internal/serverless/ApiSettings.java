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

    private static void apiKeys(ServiceModel model) {
        MapNode.Entry entry = model.providerEntry("apiGateway", "apiKeys");
        if (entry == null) {
            return;
        }
        int index = 1;
        for (Node key : ServiceModel.items(entry.value())) {
            Node name = key.text() != null ? key : key.asMap() == null ? null
                    : key.asMap().get("name");
            model.add("ApiGatewayApiKey" + index++, "AWS::ApiGateway::ApiKey", Nodes.map(
                    entry.keySpan(), "Enabled", ServiceModel.bool(true, entry.keySpan()),
                    "Name", name,
                    "StageKeys", Nodes.list(entry.keySpan(), List.of(Nodes.map(entry.keySpan(),
                            "RestApiId", Nodes.ref(Naming.REST_API, entry.keySpan()),
                            "StageName", Nodes.text(model.stage(), entry.keySpan()))))),
                    entry.keySpan(), null);
        }
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
