package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
        id = "SL2004",
        name = "ApiGatewayCacheEncryption",
        summary = "API Gateway response caches encrypt the data they keep",
        severity = Severity.WARNING,
        securitySeverity = "4.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-caching.html",
        tags = {"security", "api-gateway", "encryption"},
        aliases = {"AwsSolutions-APIGWCacheEnabledAndEncrypted", "W87", "CKV_AWS_120",
            "AWS-0002", "AWS-0190", "AWS-0110"},
        enabledByDefault = false)
public final class ApiGatewayCacheEncryptionRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource stage : context.template().resourcesOfType("AWS::ApiGateway::Stage")) {
            settings(context, stage, stage.property("MethodSettings"), "MethodSettings",
                    findings);
        }
        for (Resource deployment
                : context.template().resourcesOfType("AWS::ApiGateway::Deployment")) {
            Node node = deployment.property("StageDescription");
            MapNode description = node == null ? null : node.asMap();
            if (description != null) {
                check(context, deployment, description, "StageDescription", findings);
                settings(context, deployment, description.get("MethodSettings"),
                        "StageDescription.MethodSettings", findings);
            }
        }
        return findings;
    }

    private static void settings(RuleContext context, Resource resource, Node list,
            String property, List<Finding> findings) {
        if (list == null) {
            return;
        }
        for (Alternative item : context.evaluator().elements(list)) {
            MapNode map = item.node().asMap();
            if (map != null) {
                check(context, resource, map, property, findings);
            }
        }
    }

    /** Reports {@code CachingEnabled: true} without {@code CacheDataEncrypted: true}. */
    private static void check(RuleContext context, Resource resource, MapNode settings,
            String property, List<Finding> findings) {
        Evaluator evaluator = context.evaluator();
        List<List<String>> unencrypted = new ArrayList<>(SettingBranches.equalTo(evaluator,
                settings.get("CacheDataEncrypted"), "false").stream()
                .map(Alternative::conditions).toList());
        unencrypted.addAll(SettingBranches.absent(evaluator, settings.get("CacheDataEncrypted")));
        for (Alternative on : SettingBranches.equalTo(evaluator, settings.get("CachingEnabled"),
                "true")) {
            List<String> branch = unencrypted.stream()
                    .filter(conditions -> SettingBranches.compatible(conditions, on.conditions()))
                    .findFirst().orElse(null);
            if (branch == null) {
                continue;
            }
            List<String> conditions = new ArrayList<>(on.conditions());
            branch.stream().filter(c -> !conditions.contains(c)).forEach(conditions::add);
            String qualifier = conditions.isEmpty() ? ""
                    : " (when " + String.join(" and ", conditions) + ")";
            findings.add(context.finding(on.node().span(), resource.logicalId(), "'"
                    + resource.logicalId() + "' sets " + property + ".CachingEnabled to"
                    + " 'true' without CacheDataEncrypted: true" + qualifier
                    + ", so cached responses are stored unencrypted; set"
                    + " CacheDataEncrypted to 'true' next to CachingEnabled."));
        }
    }
}
