package dev.slens.rules.security;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rules.ApiStages;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "SL2007",
        name = "ApiGatewayClientCertificate",
        summary = "REST API stages with HTTP backends present a client certificate",
        severity = Severity.INFO,
        securitySeverity = "3.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::Stage", "AWS::ApiGateway::Deployment",
            "AWS::ApiGateway::Method", "AWS::ApiGateway::RestApi"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "getting-started-client-side-ssl-authentication.html",
        tags = {"security", "api-gateway", "tls"},
        aliases = {"AwsSolutions-APIGWSSLEnabled", "ed4c48b8"},
        enabledByDefault = false)
public final class ApiGatewayClientCertificateRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ApiStages.Stage stage : ApiStages.of(context.template(), context.evaluator())) {
            String api = stage.apiId();
            if (stage.protocol() != ApiStages.Protocol.REST || api == null
                    || stage.setting("ClientCertificateId") != null
                    || !callsHttpBackend(context, api)) {
                continue;
            }
            Resource resource = stage.resource();
            boolean namesApi = stage.fromServerless() || resource.generatedFrom() != null;
            findings.add(context.finding(resource.span(), resource.logicalId(), stage.label()
                    + (namesApi ? "" : " of REST API '" + api + "'") + " has no "
                    + stage.prefix()
                    + "ClientCertificateId, so its HTTP backends cannot tell API Gateway from"
                    + " other callers; create an AWS::ApiGateway::ClientCertificate, set"
                    + " ClientCertificateId and have the backend check the certificate."));
        }
        return findings;
    }

    /**
     * Returns whether the API has an {@code HTTP} or {@code HTTP_PROXY} integration over the
     * internet. Lambda and AWS service integrations are left out, because a client certificate
     * means nothing to them, and so are integrations through a VPC link to a private backend.
     */
    private static boolean callsHttpBackend(RuleContext context, String apiId) {
        for (Resource method : context.template().resourcesOfType("AWS::ApiGateway::Method")) {
            Node integration = method.property("Integration");
            MapNode map = integration == null ? null : integration.asMap();
            if (apiId.equals(context.evaluator().referencedResource(method.property("RestApiId")))
                    && map != null && isHttp(context.evaluator().exactText(map.get("Type")))
                    && !"VPC_LINK".equals(context.evaluator().exactText(
                            map.get("ConnectionType")))) {
                return true;
            }
        }
        Resource api = context.template().resource(apiId);
        MapNode document = api == null ? null : OpenApiOperations.document(api.property("Body"));
        return OpenApiOperations.of(document).stream()
                .anyMatch(operation -> isHttp(operation.integrationType())
                        && !viaVpcLink(operation.operation()));
    }

    private static boolean viaVpcLink(MapNode operation) {
        MapNode integration = operation.getMap("x-amazon-apigateway-integration");
        return integration != null && "VPC_LINK".equalsIgnoreCase(
                integration.getText("connectionType"));
    }

    private static boolean isHttp(String type) {
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("http");
    }
}
