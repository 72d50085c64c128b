package dev.slens.rules.performance;

import dev.slens.index.Alternative;
import dev.slens.model.IncludedFile;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL2027",
        name = "ApiGatewayCompression",
        summary = "REST APIs compress large responses",
        severity = Severity.INFO,
        pillar = Pillar.PERFORMANCE,
        resourceTypes = {"AWS::ApiGateway::RestApi", "AWS::Serverless::Api"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "api-gateway-gzip-compression-decompression.html",
        tags = {"api-gateway", "performance"},
        enabledByDefault = false)
public final class ApiGatewayCompressionRule implements Rule {

    /** The largest MinimumCompressionSize API Gateway accepts, in bytes (10 MiB). */
    private static final long MAXIMUM = 10_485_760L;

    /** The OpenAPI extension that sets the same size in an imported definition. */
    private static final String EXTENSION = "x-amazon-apigateway-minimum-compression-size";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            Node size = api.property("MinimumCompressionSize");
            IncludedFile included = context.template().includedFile(api.logicalId(), "Body");
            MapNode document = included != null ? included.root()
                    : literalMap(api.property("Body"));
            Node extension = document == null ? null : document.get(EXTENSION);
            if (extension != null) {
                checkRange(context, api, included == null ? null : included.file(), extension,
                        "the " + EXTENSION + " of its OpenAPI definition", findings);
            }
            if (size != null) {
                checkRange(context, api, null, size, "MinimumCompressionSize", findings);
            } else if (extension == null && definitionReadable(api, document)) {
                findings.add(context.finding(api.span(), api.logicalId(), "REST API '"
                        + api.logicalId() + "' sets no MinimumCompressionSize, so API Gateway"
                        + " never compresses its responses; set it to a size in bytes such as"
                        + " 1024" + serverless(context) + "."));
            }
        }
        return findings;
    }

    /**
     * Reports each value of {@code size} outside the range API Gateway accepts. {@code file}
     * is the OpenAPI file the value is in, or {@code null} for the template.
     */
    private static void checkRange(RuleContext context, Resource api, SourceFile file,
            Node size, String setting, List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(size)) {
            Long bytes = Settings.number(alternative.value());
            if (bytes == null || bytes >= 0 && bytes <= MAXIMUM) {
                continue;
            }
            String message = "REST API '" + api.logicalId() + "' sets " + setting + " to '"
                    + bytes + "'" + alternative.qualifier() + ", which is outside 0 to "
                    + MAXIMUM + " bytes, so the deployment fails; set a size in that range.";
            SourceSpan at = Settings.spanOf(size, alternative);
            findings.add(file == null
                    ? context.finding(Severity.ERROR, at, api.logicalId(), message)
                    : context.finding(Severity.ERROR, file, at, api.logicalId(), message));
        }
    }

    /**
     * Returns whether the API's OpenAPI definition, if it has one, could be read, so that a
     * missing extension is known to be missing. A definition in S3 or built by an intrinsic
     * function may set the size.
     */
    private static boolean definitionReadable(Resource api, MapNode document) {
        boolean hasDefinition = api.property("Body") != null
                || api.property("BodyS3Location") != null;
        return !hasDefinition || document != null;
    }

    /** Returns {@code body} when it is a map written out, not an intrinsic function. */
    private static MapNode literalMap(Node body) {
        MapNode map = body == null ? null : body.asMap();
        return map == null || map.intrinsicName() != null ? null : map;
    }

    private static String serverless(RuleContext context) {
        return context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK
                ? " (serverless.yml: provider.apiGateway.minimumCompressionSize)" : "";
    }
}
