package dev.slens.rules.performance;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
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

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource api : context.template().resourcesOfType("AWS::ApiGateway::RestApi")) {
            Node size = api.property("MinimumCompressionSize");
            if (size == null) {
                findings.add(context.finding(api.span(), api.logicalId(), "REST API '"
                        + api.logicalId() + "' sets no MinimumCompressionSize, so API Gateway"
                        + " never compresses its responses; set it to a size in bytes such as"
                        + " 1024" + serverless(context) + "."));
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(size)) {
                Long bytes = Settings.number(alternative.value());
                if (bytes != null && (bytes < 0 || bytes > MAXIMUM)) {
                    findings.add(context.finding(Severity.ERROR,
                            Settings.spanOf(size, alternative), api.logicalId(), "REST API '"
                                    + api.logicalId() + "' sets MinimumCompressionSize to '"
                                    + bytes + "'" + alternative.qualifier() + ", which is"
                                    + " outside 0 to " + MAXIMUM + " bytes, so the deployment"
                                    + " fails; set a size in that range."));
                }
            }
        }
        return findings;
    }

    private static String serverless(RuleContext context) {
        return context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK
                ? " (serverless.yml: provider.apiGateway.minimumCompressionSize)" : "";
    }
}
