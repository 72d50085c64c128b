package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
