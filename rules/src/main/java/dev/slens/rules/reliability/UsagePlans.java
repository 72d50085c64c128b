package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;
import dev.slens.rules.ApiStages;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

/** Matches REST API stages with the {@code AWS::ApiGateway::UsagePlan}s that list them. */
final class UsagePlans {

    static final String TYPE = "AWS::ApiGateway::UsagePlan";

    private UsagePlans() {
    }

    /** Returns the usage plans whose {@code ApiStages} name the stage. */
    static List<Resource> covering(RuleContext context, ApiStages.Stage stage) {
        Evaluator evaluator = context.evaluator();
        String stageName = evaluator.exactText(stage.resource().property("StageName"));
        List<Resource> plans = new ArrayList<>();
        for (Resource plan : context.template().resourcesOfType(TYPE)) {
            for (Alternative item : evaluator.elements(plan.property("ApiStages"))) {
                MapNode entry = Settings.map(item.value());
                if (entry != null && names(evaluator, entry, stage, stageName)) {
                    plans.add(plan);
                    break;
                }
            }
        }
        return plans;
    }

    /**
     * Returns whether a usage plan that lists the stage sets both throttling limits and that
     * throttle applies to every request. A usage plan throttles only requests that carry one of
     * its API keys, so this also requires that every method of the stage's API requires a key.
     */
    static boolean throttlesEveryRequest(RuleContext context, ApiStages.Stage stage) {
        return everyMethodRequiresKey(context, stage.apiId()) && throttles(context, stage);
    }

    /** Returns whether a usage plan that lists the stage sets both throttling limits. */
    static boolean throttles(RuleContext context, ApiStages.Stage stage) {
        for (Resource plan : covering(context, stage)) {
            Node throttle = plan.property("Throttle");
            MapNode map = throttle == null ? null : throttle.asMap();
            if (map != null && map.get("BurstLimit") != null && map.get("RateLimit") != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether the REST API {@code apiId} has methods and each sets
     * {@code ApiKeyRequired: true}, or has an OpenAPI {@code Body} whose operations all require
     * an API key. It returns false when that cannot be known, as for a body in S3.
     */
    private static boolean everyMethodRequiresKey(RuleContext context, String apiId) {
        Resource api = apiId == null ? null : context.template().resource(apiId);
        if (api == null || api.property("BodyS3Location") != null) {
            return false;
        }
        Node body = api.property("Body");
        if (body != null) {
            MapNode document = body.intrinsicName() == null ? body.asMap() : null;
            return document != null && OpenApiKeys.everyOperationRequiresKey(document);
        }
        Evaluator evaluator = context.evaluator();
        boolean found = false;
        for (Resource method : context.template().resourcesOfType("AWS::ApiGateway::Method")) {
            if (!apiId.equals(evaluator.referencedResource(method.property("RestApiId")))) {
                continue;
            }
            found = true;
            Node required = method.property("ApiKeyRequired");
            if (required == null || !evaluator.alternatives(required).stream()
                    .allMatch(branch -> isTrue(branch.value()))) {
                return false;
            }
        }
        return found;
    }

    private static boolean isTrue(Value value) {
        return value instanceof Value.Literal literal && "true".equalsIgnoreCase(literal.text());
    }

    private static boolean names(Evaluator evaluator, MapNode entry, ApiStages.Stage stage,
            String stageName) {
        String api = evaluator.referencedResource(entry.get("ApiId"));
        if (api == null || !api.equals(stage.apiId())) {
            return false;
        }
        Node stageNode = entry.get("Stage");
        String target = evaluator.referencedResource(stageNode);
        if (target != null) {
            return target.equals(stage.resource().logicalId());
        }
        String text = evaluator.exactText(stageNode);
        return text != null && text.equals(stageName);
    }
}
