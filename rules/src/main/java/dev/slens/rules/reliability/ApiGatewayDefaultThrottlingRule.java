package dev.slens.rules.reliability;

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
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL2023",
        name = "ApiGatewayDefaultThrottling",
        summary = "API Gateway stages set default burst and rate limits",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {ApiStages.REST_STAGE, ApiStages.REST_DEPLOYMENT, ApiStages.V2_STAGE},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-request-throttling.html",
        tags = {"api-gateway", "throttling"},
        aliases = {"ES2003", "Serverless-APIGWDefaultThrottling"})
public final class ApiGatewayDefaultThrottlingRule implements Rule {

    private static final String BURST = "ThrottlingBurstLimit";
    private static final String RATE = "ThrottlingRateLimit";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            if (stage.protocol() == ApiStages.Protocol.REST) {
                checkRest(context, stage, findings);
            } else {
                checkRoutes(context, stage, findings);
            }
        }
        return findings;
    }

    private static void checkRest(RuleContext context, ApiStages.Stage stage,
            List<Finding> findings) {
        if (stage.settings() != null && bothSet(context, stage.settings())
                || UsagePlans.throttlesEveryRequest(context, stage)) {
            return;
        }
        boolean keyOnlyPlan = UsagePlans.throttles(context, stage);
        String plan = keyOnlyPlan ? ", and its usage plan throttles only requests that carry an"
                + " API key, which not every method of the API requires" : "";
        Node methodSettings = stage.setting("MethodSettings");
        if (methodSettings == null) {
            report(context, stage, null, " sets no " + stage.prefix() + "MethodSettings"
                    + plan, "", keyOnlyPlan, findings);
            return;
        }
        for (Alternative branch : context.evaluator().alternatives(methodSettings)) {
            Node list = branch.value() instanceof Value.Structure structure
                    ? structure.node() : null;
            MapNode catchAll = list == null ? null
                    : ApiStages.catchAllMethodSettings(context.evaluator(), list);
            if (catchAll == null && !(branch.value() instanceof Value.Unknown)) {
                report(context, stage, stage.spanOf("MethodSettings", branch),
                        " has no " + stage.prefix()
                        + "MethodSettings entry with HttpMethod '*' and ResourcePath '/*'"
                        + plan, branch.qualifier(), keyOnlyPlan, findings);
            } else if (catchAll != null && !bothSet(context, catchAll)) {
                report(context, stage, catchAll.span(), " sets no " + BURST + " and " + RATE
                        + " in its MethodSettings entry for '*' '/*'" + plan,
                        branch.qualifier(), keyOnlyPlan, findings);
            }
        }
    }

    private static void checkRoutes(RuleContext context, ApiStages.Stage stage,
            List<Finding> findings) {
        Node defaults = stage.setting("DefaultRouteSettings");
        if (defaults == null) {
            report(context, stage, null, " sets no DefaultRouteSettings", "", false, findings);
            return;
        }
        for (Alternative branch : context.evaluator().alternatives(defaults)) {
            MapNode map = Settings.map(branch.value());
            if (ApiStages.isUnset(branch) || map != null && !bothSet(context, map)) {
                report(context, stage, stage.spanOf("DefaultRouteSettings", branch),
                        " sets no " + BURST + " and " + RATE
                        + " in DefaultRouteSettings", branch.qualifier(), false, findings);
            }
        }
    }

    /** Returns whether both limits are set. A value that cannot be known counts as set. */
    private static boolean bothSet(RuleContext context, MapNode settings) {
        return isSet(context, settings.get(BURST)) && isSet(context, settings.get(RATE));
    }

    private static boolean isSet(RuleContext context, Node node) {
        return node != null && context.evaluator().alternatives(node).stream()
                .noneMatch(ApiStages::isUnset);
    }

    /**
     * Reports a stage without default limits. {@code keyOnlyPlan} is whether a usage plan sets
     * a throttle that misses requests without an API key.
     */
    private static void report(RuleContext context, ApiStages.Stage stage, SourceSpan at,
            String problem, String qualifier, boolean keyOnlyPlan, List<Finding> findings) {
        boolean rest = stage.protocol() == ApiStages.Protocol.REST;
        String cloudFormation = rest
                ? "; add a " + stage.prefix() + "MethodSettings entry with HttpMethod '*',"
                        + " ResourcePath '/*', " + BURST + " and " + RATE + "."
                : "; set " + BURST + " and " + RATE + " in DefaultRouteSettings.";
        String sam = rest
                ? "; add a MethodSettings entry with HttpMethod '*', ResourcePath '/*', " + BURST
                        + " and " + RATE + " on the SAM API or in Globals.Api."
                : "; set " + BURST + " and " + RATE + " in DefaultRouteSettings on the SAM API"
                        + " or in Globals.HttpApi.";
        String fromServerless = rest && keyOnlyPlan
                ? "; set private: true on every http event in serverless.yml so that every"
                        + " request needs a key of the usage plan."
                : rest
                ? "; set provider.apiGateway.usagePlan.throttle with burstLimit and rateLimit in"
                        + " serverless.yml and private: true on every http event."
                : "; add DefaultRouteSettings with " + BURST + " and " + RATE + " to the stage"
                        + " under resources.extensions in serverless.yml.";
        String message = stage.label() + problem + qualifier + ", so one client can use the"
                + " whole account's request quota and throttle every other API in the Region"
                + ApiStages.advice(context.template(), stage, cloudFormation, sam,
                fromServerless);
        // serverless.yml has no MethodSettings line of its own, because the framework derives them.
        findings.add(context.finding(at == null || stage.fromServerless()
                ? stage.resource().span() : at,
                stage.resource().logicalId(), message));
    }
}
