package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
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
        id = "SL2006",
        name = "ApiGatewayDomainTls",
        summary = "API Gateway custom domains reject TLS versions older than 1.2",
        severity = Severity.WARNING,
        securitySeverity = "5.9",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::ApiGateway::DomainName", "AWS::ApiGatewayV2::DomainName"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/apigateway/latest/developerguide/"
                + "apigateway-custom-domain-tls-version.html",
        tags = {"security", "api-gateway", "tls"},
        aliases = {"W62", "8275fab0", "AWS-0005", "AWS-0112"})
public final class ApiGatewayDomainTlsRule implements Rule {

    private static final String FIX = "set SecurityPolicy to 'TLS_1_2' or an enhanced policy"
            + " (SAM: Domain.SecurityPolicy).";

    @Override
    public List<Finding> check(RuleContext context) {
        Evaluator evaluator = context.evaluator();
        List<Finding> findings = new ArrayList<>();
        for (Resource domain : context.template().resourcesOfType("AWS::ApiGateway::DomainName")) {
            Node policy = domain.property("SecurityPolicy");
            if (policy == null) {
                findings.add(context.finding(domain.span(), domain.logicalId(), "Domain name '"
                        + domain.logicalId() + "' sets no SecurityPolicy, so API Gateway"
                        + " accepts TLS 1.0 and 1.1 on it; " + FIX));
                continue;
            }
            report(context, domain, policy, "SecurityPolicy", findings);
        }
        for (Resource domain
                : context.template().resourcesOfType("AWS::ApiGatewayV2::DomainName")) {
            Node configurations = domain.property("DomainNameConfigurations");
            if (configurations == null) {
                continue;
            }
            for (Alternative configuration : evaluator.elements(configurations)) {
                MapNode map = configuration.node().asMap();
                Node policy = map == null ? null : map.get("SecurityPolicy");
                if (policy != null) {
                    report(context, domain, policy, "DomainNameConfigurations.SecurityPolicy",
                            findings);
                }
            }
        }
        return findings;
    }

    private static void report(RuleContext context, Resource domain, Node policy,
            String property, List<Finding> findings) {
        for (Alternative old : SettingBranches.equalTo(context.evaluator(), policy, "TLS_1_0")) {
            findings.add(context.finding(old.node().span(), domain.logicalId(), "Domain name '"
                    + domain.logicalId() + "' sets " + property + " 'TLS_1_0'" + old.qualifier()
                    + ", so API Gateway accepts TLS 1.0 and 1.1 on it; " + FIX));
        }
    }
}
