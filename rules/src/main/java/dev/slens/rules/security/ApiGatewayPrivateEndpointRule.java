package dev.slens.rules.security;

import dev.slens.index.Alternative;
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
        id = "SL2008",
        name = "ApiGatewayPrivateEndpoint",
        summary = "REST APIs that serve only internal callers use a private endpoint",
        severity = Severity.INFO,
        securitySeverity = "3.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::RestApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "apigateway-private-apis.html",
        tags = {"security", "api-gateway", "network"},
        aliases = {"4a8daf95", "6b5b0313", "4d424558"},
        enabledByDefault = false)
public final class ApiGatewayPrivateEndpointRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            Node endpoint = api.property("EndpointConfiguration");
            MapNode map = endpoint == null ? null : endpoint.asMap();
            Node types = map == null ? null : map.get("Types");
            if (types == null) {
                findings.add(context.finding(api.span(), api.logicalId(), "REST API '"
                        + api.logicalId() + "' sets no EndpointConfiguration, so it gets a"
                        + " public edge-optimized endpoint; set EndpointConfiguration.Types to"
                        + " 'PRIVATE' when only callers in your VPCs use it."));
                continue;
            }
            for (Alternative type : context.evaluator().elements(types)) {
                String text = type.value().exactText();
                if (text != null && !text.equalsIgnoreCase("PRIVATE")) {
                    findings.add(context.finding(type.node().span(), api.logicalId(), "REST API '"
                            + api.logicalId() + "' has the public endpoint type '" + text + "'"
                            + type.qualifier() + "; set EndpointConfiguration.Types to"
                            + " 'PRIVATE' (serverless.yml: provider.endpointType: PRIVATE) when"
                            + " only callers in your VPCs use it."));
                }
            }
        }
        return findings;
    }
}
