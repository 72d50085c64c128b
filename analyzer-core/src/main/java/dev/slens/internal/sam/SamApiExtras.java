package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Generates the resources around an API that its settings ask for: permissions for Lambda
 * authorizers, the usage plan and API key of {@code Auth.UsagePlan}, and the custom domain of
 * {@code Domain}. Reads a local {@code DefinitionUri} too.
 */
final class SamApiExtras {

    private final SamContext context;
    private final List<Resource> out;
    private boolean sharedUsagePlan;

    SamApiExtras(SamContext context, List<Resource> out) {
        this.context = context;
        this.out = out;
    }

    /** Adds a permission for API Gateway to call each Lambda authorizer of {@code Auth}. */
    void authorizerPermissions(String apiId, MapNode properties, boolean http,
            String condition) {
        MapNode auth = properties.getMap("Auth");
        MapNode authorizers = auth == null ? null : auth.getMap("Authorizers");
        if (authorizers == null) {
            return;
        }
        for (MapNode.Entry entry : authorizers.entries()) {
            MapNode authorizer = entry.value().asMap();
            Node function = authorizer == null ? null : authorizer.get("FunctionArn");
            // An HTTP API calls an authorizer with its FunctionInvokeRole when it has one.
            boolean invokedWithRole = http && authorizer != null
                    && authorizer.has("FunctionInvokeRole");
            if (function == null || invokedWithRole) {
                continue;
            }
            SourceSpan at = entry.keySpan();
            String pattern = "arn:${AWS::Partition}:execute-api:${AWS::Region}:"
                    + "${AWS::AccountId}:${__ApiId__}/authorizers/*";
            add(apiId + entry.key() + "AuthorizerPermission", "AWS::Lambda::Permission",
                    Nodes.map(at,
                            "Action", Nodes.text("lambda:InvokeFunction", at),
                            "FunctionName", function,
                            "Principal", Nodes.text("apigateway.amazonaws.com", at),
                            "SourceArn", Nodes.map(at, "Fn::Sub", Nodes.list(at, List.of(
                                    Nodes.text(pattern, at),
                                    Nodes.map(at, "__ApiId__", Nodes.ref(apiId, at)))))),
                    at, condition, apiId);
        }
    }

    /**
     * Adds the usage plan, API key and usage plan key of {@code Auth.UsagePlan}: one set per API
     * for {@code PER_API}, one set for the whole template for {@code SHARED}.
     */
    void usagePlan(String apiId, String stageId, MapNode properties, String condition) {
        MapNode auth = properties.getMap("Auth");
        MapNode plan = auth == null ? null : auth.getMap("UsagePlan");
        String mode = plan == null ? null : plan.getText("CreateUsagePlan");
        if (mode == null || mode.equals("NONE")) {
            return;
        }
        boolean shared = mode.equals("SHARED");
        if (shared && sharedUsagePlan) {
            return;
        }
        sharedUsagePlan |= shared;
        String prefix = shared ? "Serverless" : apiId;
        SourceSpan at = auth.entry("UsagePlan").keySpan();

        add(prefix + "UsagePlan", "AWS::ApiGateway::UsagePlan", Nodes.map(at,
                "ApiStages", Nodes.list(at, List.of(Nodes.map(at,
                        "ApiId", Nodes.ref(apiId, at),
                        "Stage", Nodes.ref(stageId, at)))),
                "Description", plan.get("Description"),
                "Quota", plan.get("Quota"),
                "Throttle", plan.get("Throttle"),
                "UsagePlanName", plan.get("UsagePlanName")), at, condition, apiId);
        add(prefix + "ApiKey", "AWS::ApiGateway::ApiKey", Nodes.map(at,
                "Enabled", new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at),
                "StageKeys", Nodes.list(at, List.of(Nodes.map(at,
                        "RestApiId", Nodes.ref(apiId, at),
                        "StageName", Nodes.ref(stageId, at))))), at, condition, apiId);
        add(prefix + "UsagePlanKey", "AWS::ApiGateway::UsagePlanKey", Nodes.map(at,
                "KeyId", Nodes.ref(prefix + "ApiKey", at),
                "KeyType", Nodes.text("API_KEY", at),
                "UsagePlanId", Nodes.ref(prefix + "UsagePlan", at)), at, condition, apiId);
    }

    /**
     * Adds the custom domain of {@code Domain} and the mapping of the API's stage to it. The
     * translator names the domain {@code ApiGatewayDomainName} plus a hash of its settings;
     * slens appends the first 10 hex digits of the SHA-1 of the domain name instead.
     */
    void domain(String apiId, String stageId, MapNode properties, boolean http,
            String condition) {
        MapNode domain = properties.getMap("Domain");
        Node name = domain == null ? null : domain.get("DomainName");
        if (name == null) {
            return;
        }
        SourceSpan at = properties.entry("Domain").keySpan();
        String domainId = (http ? "ApiGatewayDomainNameV2" : "ApiGatewayDomainName")
                + hash(String.valueOf(name));
        String endpoint = domain.getText("EndpointConfiguration");
        boolean regional = http || !"EDGE".equals(endpoint);
        add(domainId, http ? "AWS::ApiGatewayV2::DomainName" : "AWS::ApiGateway::DomainName",
                http ? Nodes.map(at, "DomainName", name,
                        "DomainNameConfigurations", Nodes.list(at, List.of(Nodes.map(at,
                                "CertificateArn", domain.get("CertificateArn"),
                                "EndpointType", Nodes.text("REGIONAL", at),
                                "SecurityPolicy", domain.get("SecurityPolicy")))))
                        : Nodes.map(at, "DomainName", name,
                        regional ? "RegionalCertificateArn" : "CertificateArn",
                        domain.get("CertificateArn"),
                        "EndpointConfiguration", Nodes.map(at, "Types", Nodes.list(at,
                                List.of(Nodes.text(regional ? "REGIONAL" : "EDGE", at)))),
                        "SecurityPolicy", domain.get("SecurityPolicy"),
                        "MutualTlsAuthentication", domain.get("MutualTlsAuthentication")),
                at, condition, apiId);
        add(apiId + (http ? "ApiMapping" : "BasePathMapping"),
                http ? "AWS::ApiGatewayV2::ApiMapping" : "AWS::ApiGateway::BasePathMapping",
                http ? Nodes.map(at, "ApiId", Nodes.ref(apiId, at),
                        "DomainName", Nodes.ref(domainId, at),
                        "Stage", Nodes.ref(stageId, at))
                        : Nodes.map(at, "DomainName", Nodes.ref(domainId, at),
                        "RestApiId", Nodes.ref(apiId, at),
                        "Stage", Nodes.ref(stageId, at)), at, condition, apiId);
    }

    /** Reads the OpenAPI document of a local {@code DefinitionUri}, or reports why not. */
    MapNode localDocument(String apiId, MapNode.Entry uri) {
        return localDocument(apiId, "DefinitionUri", uri.value(), uri.keySpan());
    }

    /**
     * Reads the OpenAPI document at the local path {@code location}, which {@code property}
     * of the API names, and returns its tree, or null when it could not be read. A file that
     * does not parse gives the loader's SL0001 on that file's own line. A file that is missing
     * or outside the project gives SL0002 at {@code keySpan}.
     */
    MapNode localDocument(String apiId, String property, Node location, SourceSpan keySpan) {
        String relative = location.text();
        LocalFiles.Read read = context.localFiles().read(context.folder(), relative,
                context.displayPath(relative), location.span());
        read.loaderFindings().forEach(context.problems()::add);
        if (read.root() != null) {
            context.include(apiId, "Body", relative, read);
        } else if (!read.unparsable()) {
            context.problems().unsupported(keySpan, apiId, "The " + property + " of API '"
                    + apiId + "' was not analyzed: " + read.problem() + ". Keep the OpenAPI"
                    + " document inside the project folder.");
        }
        return read.root();
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    private void add(String logicalId, String type, MapNode properties, SourceSpan at,
            String condition, String apiId) {
        out.add(new Resource(logicalId, type, properties, at, condition, apiId));
    }
}
