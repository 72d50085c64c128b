package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.model.IncludedFile;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL2010",
        name = "ApiGatewayCorsWildcard",
        summary = "API Gateway CORS settings name the allowed origins instead of '*'",
        severity = Severity.WARNING,
        securitySeverity = "5.3",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGatewayV2::Api", "AWS::ApiGateway::RestApi",
            "AWS::ApiGateway::Method", "AWS::ApiGateway::GatewayResponse"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "how-to-cors.html",
        tags = {"security", "api-gateway", "cors"})
public final class ApiGatewayCorsWildcardRule implements Rule {

    /** The header a REST API's mock or gateway response sets to allow an origin. */
    private static final String ORIGIN_HEADER = "header.Access-Control-Allow-Origin";

    private static final String FIX = "list the origins of the web applications that call the"
            + " API instead.";

    @Override
    public List<Finding> check(RuleContext context) {
        Reporter reporter = new Reporter(context);
        for (Resource api : context.template().resourcesOfType("AWS::ApiGatewayV2::Api")) {
            MapNode.Entry cors = api.properties().entry("CorsConfiguration");
            if (cors != null) {
                httpCors(context, api, cors.value(), "CorsConfiguration.AllowOrigins", reporter);
            }
            openApi(context, api, true, reporter);
        }
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            openApi(context, api, false, reporter);
        }
        for (Resource method : context.template().resourcesOfType("AWS::ApiGateway::Method")) {
            MapNode integration = asMap(method.property("Integration"));
            Node responses = integration == null ? null
                    : integration.get("IntegrationResponses");
            if (responses == null) {
                continue;
            }
            for (Alternative response : context.evaluator().elements(responses)) {
                MapNode map = asMap(response.node());
                restOrigin(context, method, "Method", map == null ? null
                        : map.get("ResponseParameters"), reporter);
            }
        }
        for (Resource response
                : context.template().resourcesOfType("AWS::ApiGateway::GatewayResponse")) {
            restOrigin(context, response, "Gateway response",
                    response.property("ResponseParameters"), reporter);
        }
        return reporter.findings;
    }

    /**
     * Checks an HTTP API's CORS settings in CloudFormation form ({@code AllowOrigins}) or
     * OpenAPI form ({@code allowOrigins}). SAM's {@code CorsConfiguration: true} allows every
     * origin.
     */
    private static void httpCors(RuleContext context, Resource api, Node cors, String property,
            Reporter reporter) {
        if (cors.text() != null) {
            if ("true".equalsIgnoreCase(cors.text())) {
                reporter.add(cors.span(), api.logicalId(), "API '" + api.logicalId()
                        + "' sets CorsConfiguration to 'true', which allows every origin ('*');"
                        + " " + FIX);
            }
            return;
        }
        MapNode settings = cors.asMap();
        if (settings == null) {
            return;
        }
        Node origins = settings.get("AllowOrigins") != null ? settings.get("AllowOrigins")
                : settings.get("allowOrigins");
        if (origins == null) {
            return;
        }
        for (Alternative origin : context.evaluator().elements(origins)) {
            if ("*".equals(origin.value().exactText())) {
                reporter.add(origin.node().span(), api.logicalId(), "API '" + api.logicalId()
                        + "' allows every origin ('*') in " + property + origin.qualifier()
                        + ", so any web site can call it from a visitor's browser; " + FIX);
            }
        }
    }

    /**
     * Checks the OpenAPI document of an API. Only an HTTP API reads the
     * {@code x-amazon-apigateway-cors} extension, and a REST API ignores it. Findings on a
     * document from a local {@code DefinitionUri} go in that file.
     */
    private static void openApi(RuleContext context, Resource api, boolean http,
            Reporter reporter) {
        IncludedFile included = context.template().includedFile(api.logicalId(), "Body");
        MapNode document = included != null ? included.root()
                : OpenApiOperations.document(api.property("Body"));
        if (document == null) {
            return;
        }
        reporter.file = included == null ? null : included.file();
        Node cors = document.get("x-amazon-apigateway-cors");
        if (http && cors != null) {
            httpCors(context, api, cors, "the x-amazon-apigateway-cors of its definition",
                    reporter);
        }
        for (OpenApiOperations.Operation operation : OpenApiOperations.of(document)) {
            MapNode integration = operation.operation().getMap("x-amazon-apigateway-integration");
            MapNode responses = integration == null ? null : integration.getMap("responses");
            if (responses == null) {
                continue;
            }
            for (MapNode.Entry response : responses.entries()) {
                MapNode map = asMap(response.value());
                restOrigin(context, api, "Operation '" + operation.verb() + " "
                        + operation.path() + "' of API", map == null ? null
                        : map.get("responseParameters"), reporter);
            }
        }
        reporter.file = null;
    }

    /** Reports an {@code Access-Control-Allow-Origin} response header set to {@code '*'}. */
    private static void restOrigin(RuleContext context, Resource resource, String kind,
            Node parameters, Reporter reporter) {
        MapNode map = asMap(parameters);
        if (map == null) {
            return;
        }
        Evaluator evaluator = context.evaluator();
        for (MapNode.Entry entry : map.entries()) {
            if (!entry.key().endsWith(ORIGIN_HEADER)) {
                continue;
            }
            for (Alternative origin : evaluator.alternatives(entry.value())) {
                if ("'*'".equals(origin.value().exactText())) {
                    reporter.add(origin.node().span(), resource.logicalId(), kind + " '"
                            + resource.logicalId() + "' sends the header"
                            + " 'Access-Control-Allow-Origin: *'" + origin.qualifier()
                            + ", so any web site can call the API from a visitor's browser; "
                            + FIX);
                }
            }
        }
    }

    private static MapNode asMap(Node node) {
        return node == null ? null : node.asMap();
    }

    /** Collects findings, one per place, since SAM repeats a setting in each generated path. */
    private static final class Reporter {

        private final RuleContext context;
        private final List<Finding> findings = new ArrayList<>();
        private final Set<String> places = new HashSet<>();

        /** The file that spans point into when it is not the template, else null. */
        private SourceFile file;

        Reporter(RuleContext context) {
            this.context = context;
        }

        void add(SourceSpan span, String logicalId, String message) {
            String fileName = file == null ? "" : file.displayPath();
            if (!places.add(logicalId + "@" + fileName + ":" + span)) {
                return;
            }
            findings.add(file == null ? context.finding(span, logicalId, message)
                    : context.finding(file, span, logicalId, message));
        }
    }
}
