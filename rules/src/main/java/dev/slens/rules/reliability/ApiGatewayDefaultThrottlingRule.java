package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.model.TemplateFormat;
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
                || UsagePlans.throttles(context, stage)) {
            return;
        }
        Node methodSettings = stage.setting("MethodSettings");
        if (methodSettings == null) {
            report(context, stage, null, " sets no " + stage.prefix() + "MethodSettings",
                    "", findings);
            return;
        }
        for (Alternative branch : context.evaluator().alternatives(methodSettings)) {
            Node list = branch.value() instanceof Value.Structure structure
                    ? structure.node() : null;
            MapNode catchAll = list == null ? null : catchAll(context, list);
            if (catchAll == null && !(branch.value() instanceof Value.Unknown)) {
                report(context, stage, stage.spanOf("MethodSettings", branch),
                        " has no " + stage.prefix()
                        + "MethodSettings entry with HttpMethod '*' and ResourcePath '/*'",
                        branch.qualifier(), findings);
            } else if (catchAll != null && !bothSet(context, catchAll)) {
                report(context, stage, catchAll.span(), " sets no " + BURST + " and " + RATE
                        + " in its MethodSettings entry for '*' '/*'", branch.qualifier(),
                        findings);
            }
        }
    }

    private static void checkRoutes(RuleContext context, ApiStages.Stage stage,
            List<Finding> findings) {
        Node defaults = stage.setting("DefaultRouteSettings");
        if (defaults == null) {
            report(context, stage, null, " sets no DefaultRouteSettings", "", findings);
            return;
        }
        for (Alternative branch : context.evaluator().alternatives(defaults)) {
            MapNode map = Settings.map(branch.value());
            if (ApiStages.isUnset(branch) || map != null && !bothSet(context, map)) {
                report(context, stage, stage.spanOf("DefaultRouteSettings", branch),
                        " sets no " + BURST + " and " + RATE
                        + " in DefaultRouteSettings", branch.qualifier(), findings);
            }
        }
    }

    /** Returns the MethodSettings item that applies to every method and path, or null. */
    private static MapNode catchAll(RuleContext context, Node list) {
        for (Alternative item : context.evaluator().elements(list)) {
            MapNode map = Settings.map(item.value());
            if (map != null && "*".equals(context.evaluator().exactText(map.get("HttpMethod")))
                    && "/*".equals(context.evaluator().exactText(map.get("ResourcePath")))) {
                return map;
            }
        }
        return null;
    }

    /** Returns whether both limits are set. A value that cannot be known counts as set. */
    private static boolean bothSet(RuleContext context, MapNode settings) {
        return isSet(context, settings.get(BURST)) && isSet(context, settings.get(RATE));
    }

    private static boolean isSet(RuleContext context, Node node) {
        return node != null && context.evaluator().alternatives(node).stream()
                .noneMatch(ApiStages::isUnset);
    }

    private static void report(RuleContext context, ApiStages.Stage stage, SourceSpan at,
            String problem, String qualifier, List<Finding> findings) {
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
        String fromServerless = rest
                ? "; set provider.apiGateway.usagePlan.throttle with burstLimit and rateLimit in"
                        + " serverless.yml."
                : "; add DefaultRouteSettings with " + BURST + " and " + RATE + " to the stage"
                        + " under resources.extensions in serverless.yml.";
        String message = stage.label() + problem + qualifier + ", so one client can use the"
                + " whole account's request quota and throttle every other API in the Region"
                + ApiStages.advice(context.template(), stage, cloudFormation, sam,
                fromServerless);
        // serverless.yml has no MethodSettings line of its own, because the framework derives them.
        boolean serverless = context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK;
        findings.add(context.finding(at == null || serverless ? stage.resource().span() : at,
                stage.resource().logicalId(), message));
    }
}
