package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
        id = "SL3010",
        name = "AppSyncTracing",
        summary = "AppSync GraphQL APIs have X-Ray tracing enabled",
        severity = Severity.WARNING,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::AppSync::GraphQLApi", "AWS::Serverless::GraphQLApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/appsync/latest/devguide/x-ray-tracing.html",
        tags = {"appsync", "observability", "tracing"},
        aliases = {"WS3000", "Serverless-AppSyncTracing"})
public final class AppSyncTracingRule implements Rule {

    private static final String ADVICE = "; set XrayEnabled to 'true'.";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::AppSync::GraphQLApi")) {
            Node enabled = api.property("XrayEnabled");
            if (enabled == null) {
                findings.add(context.finding(api.span(), api.logicalId(), "GraphQL API '"
                        + api.logicalId() + "' sets no XrayEnabled, so X-Ray does not trace its"
                        + " requests and resolvers" + ADVICE));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(enabled)) {
                if (!isTrue(alternative.value()) && !unknown(alternative.value())) {
                    findings.add(context.finding(alternative.node().span(), api.logicalId(),
                            "GraphQL API '" + api.logicalId() + "' does not enable XrayEnabled"
                                    + alternative.qualifier() + ", so X-Ray does not trace its"
                                    + " requests and resolvers" + ADVICE));
                }
            }
        }
        return findings;
    }

    private static boolean isTrue(Value value) {
        String text = value instanceof Value.Literal literal ? literal.text() : value.exactText();
        return "true".equalsIgnoreCase(text);
    }

    private static boolean unknown(Value value) {
        return value instanceof Value.Unknown
                || value instanceof Value.Text text && !text.exact();
    }
}
