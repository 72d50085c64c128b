package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RuleInfo(
        id = "SL9001",
        name = "SecretPropertyPlaintext",
        summary = "Passwords and tokens in properties come from dynamic references",
        severity = Severity.ERROR,
        securitySeverity = "7.5",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::Redshift::Cluster",
            "AWS::DocDB::DBCluster", "AWS::ElastiCache::ReplicationGroup", "AWS::MQ::Broker",
            "AWS::IAM::User", "AWS::DirectoryService::MicrosoftAD",
            "AWS::DirectoryService::SimpleAD", "AWS::DMS::Endpoint", "AWS::Events::Connection",
            "AWS::CodePipeline::Webhook", "AWS::Amplify::App", "AWS::CodeBuild::SourceCredential",
            "AWS::SecretsManager::Secret"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/"
                + "security-best-practices.html#creds",
        tags = {"security", "secrets"},
        aliases = {"F45", "F51", "F66", "F68", "W1011", "W2501", "CKV_AWS_384"})
public final class SecretPropertyRule implements Rule {

    /** Secret-bearing property paths by resource type; {@code []} steps into every list item. */
    private static final Map<String, List<List<String>>> SECRET_PATHS = Map.ofEntries(
            Map.entry("AWS::RDS::DBInstance", List.of(List.of("MasterUserPassword"))),
            Map.entry("AWS::RDS::DBCluster", List.of(List.of("MasterUserPassword"))),
            Map.entry("AWS::Redshift::Cluster", List.of(List.of("MasterUserPassword"))),
            Map.entry("AWS::DocDB::DBCluster", List.of(List.of("MasterUserPassword"))),
            Map.entry("AWS::ElastiCache::ReplicationGroup", List.of(List.of("AuthToken"))),
            Map.entry("AWS::MQ::Broker", List.of(List.of("Users", "[]", "Password"))),
            Map.entry("AWS::IAM::User", List.of(List.of("LoginProfile", "Password"))),
            Map.entry("AWS::DirectoryService::MicrosoftAD", List.of(List.of("Password"))),
            Map.entry("AWS::DirectoryService::SimpleAD", List.of(List.of("Password"))),
            Map.entry("AWS::DMS::Endpoint", List.of(List.of("Password"))),
            Map.entry("AWS::Events::Connection", List.of(
                    List.of("AuthParameters", "ApiKeyAuthParameters", "ApiKeyValue"),
                    List.of("AuthParameters", "BasicAuthParameters", "Password"),
                    List.of("AuthParameters", "OAuthParameters", "ClientParameters",
                            "ClientSecret"))),
            Map.entry("AWS::CodePipeline::Webhook",
                    List.of(List.of("AuthenticationConfiguration", "SecretToken"))),
            Map.entry("AWS::Amplify::App", List.of(List.of("AccessToken"),
                    List.of("OauthToken"), List.of("BasicAuthConfig", "Password"))),
            Map.entry("AWS::CodeBuild::SourceCredential", List.of(List.of("Token"))),
            Map.entry("AWS::SecretsManager::Secret", List.of(List.of("SecretString"))));

    @Override
    public List<Finding> check(RuleContext context) {
        Set<Finding> findings = new LinkedHashSet<>();
        SecretParameters parameters = new SecretParameters(context);
        for (Resource resource : context.template().resources().values()) {
            for (List<String> path : SECRET_PATHS.getOrDefault(resource.type(), List.of())) {
                for (Located value : values(resource.properties(), path, "")) {
                    check(context, parameters, resource, value, findings);
                }
            }
        }
        findings.addAll(parameters.defaultedSecrets());
        return List.copyOf(findings);
    }

    /** A property value with the path it was found at, such as {@code Users[0].Password}. */
    private record Located(String path, Node node) { }

    private static List<Located> values(MapNode map, List<String> path, String prefix) {
        Node node = map.get(path.get(0));
        String here = prefix.isEmpty() ? path.get(0) : prefix + "." + path.get(0);
        if (node == null) {
            return List.of();
        }
        if (path.size() == 1) {
            return List.of(new Located(here, node));
        }
        List<Located> found = new ArrayList<>();
        if ("[]".equals(path.get(1))) {
            List<Node> items = node.asList() == null ? List.of() : node.asList().items();
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).asMap() != null) {
                    found.addAll(values(items.get(i).asMap(), path.subList(2, path.size()),
                            here + "[" + i + "]"));
                }
            }
        } else if (node.asMap() != null) {
            found.addAll(values(node.asMap(), path.subList(1, path.size()), here));
        }
        return found;
    }

    private static void check(RuleContext context, SecretParameters parameters,
            Resource resource, Located property, Set<Finding> findings) {
        String subject = "Resource '" + resource.logicalId() + "' sets " + property.path();
        for (Alternative value : context.evaluator().alternatives(property.node())) {
            String parameter = parameters.referencedParameter(value.node());
            if (parameter != null) {
                Finding finding = parameters.check(parameter, value, resource.logicalId(),
                        subject);
                if (finding != null) {
                    findings.add(finding);
                }
                continue;
            }
            String text = value.value().exactText();
            boolean fromParameters = !value.via().isEmpty();
            if (text == null || text.isEmpty() || fromParameters || isDynamicReference(text)) {
                continue;
            }
            findings.add(context.finding(value.node().span(), resource.logicalId(), subject
                    + value.qualifier() + " to a literal of " + text.length() + " characters,"
                    + " so the secret is stored in the template and shown in the stack's"
                    + " configuration; use '{{resolve:secretsmanager:...}}', or set"
                    + " ManageMasterUserPassword or GenerateSecretString where the resource"
                    + " supports it."));
        }
    }

    static boolean isDynamicReference(String text) {
        return text.contains("{{resolve:secretsmanager:") || text.contains("{{resolve:ssm-secure:");
    }
}
