package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Generates what a SAM function's deployment settings ask for: the version and alias of
 * {@code AutoPublishAlias} (with {@code ProvisionedConcurrencyConfig}), the URL of
 * {@code FunctionUrlConfig} and the CodeDeploy resources of {@code DeploymentPreference}.
 *
 * <p>The translator appends to the version's logical ID a hash of the function's code. slens
 * cannot know the code, so it names the version {@code <Function>Version} without the hash.
 */
final class SamFunctionDeployment {

    private static final String CODE_DEPLOY_APPLICATION = "ServerlessDeploymentApplication";
    private static final String CODE_DEPLOY_ROLE = "CodeDeployServiceRole";

    private final SamContext context;
    private final String id;
    private final MapNode properties;
    private final String condition;
    private final List<Resource> out;

    SamFunctionDeployment(SamContext context, String id, MapNode properties, String condition,
            List<Resource> out) {
        this.context = context;
        this.id = id;
        this.properties = properties;
        this.condition = condition;
        this.out = out;
    }

    /**
     * Adds the version and alias of {@code AutoPublishAlias} and returns the alias's logical ID,
     * or {@code null} when the function has none. An alias name that is neither text nor a
     * parameter with a default is reported, because the translator cannot name the alias.
     */
    String versionAndAlias() {
        MapNode.Entry alias = properties.entry("AutoPublishAlias");
        if (alias == null) {
            return null;
        }
        String name = context.literal(alias.value());
        if (name == null) {
            context.problems().unsupported(alias.keySpan(), id, "The AutoPublishAlias of"
                    + " function '" + id + "' is not text or a parameter with a default, so its"
                    + " alias and version were not analyzed.");
            return null;
        }
        SourceSpan at = alias.keySpan();
        String version = id + "Version";
        add(version, "AWS::Lambda::Version", Nodes.map(at,
                "FunctionName", Nodes.ref(id, at),
                "Description", properties.get("VersionDescription")), at);
        String aliasId = id + "Alias" + name.replaceAll("[^A-Za-z0-9]", "");
        add(aliasId, "AWS::Lambda::Alias", Nodes.map(at,
                "Name", Nodes.text(name, at),
                "FunctionName", Nodes.ref(id, at),
                "FunctionVersion", Nodes.getAtt(version, "Version", at),
                "ProvisionedConcurrencyConfig", properties.get("ProvisionedConcurrencyConfig")),
                at);
        return aliasId;
    }

    /**
     * Adds the function URL of {@code FunctionUrlConfig}. With {@code AuthType: NONE} the
     * translator also adds the two public permissions a public URL needs.
     */
    void functionUrl(String aliasId) {
        MapNode.Entry entry = properties.entry("FunctionUrlConfig");
        MapNode config = entry == null ? null : entry.value().asMap();
        if (config == null) {
            return;
        }
        SourceSpan at = entry.keySpan();
        Node target = Nodes.ref(aliasId != null ? aliasId : id, at);
        add(id + "Url", "AWS::Lambda::Url", Nodes.map(at,
                "AuthType", config.get("AuthType"),
                "Cors", config.get("Cors"),
                "InvokeMode", config.get("InvokeMode"),
                "TargetFunctionArn", target), at);
        if (!"NONE".equals(context.literal(config.get("AuthType")))) {
            return;
        }
        add(id + "UrlPublicPermissions", "AWS::Lambda::Permission", Nodes.map(at,
                "Action", Nodes.text("lambda:InvokeFunctionUrl", at),
                "FunctionName", target,
                "FunctionUrlAuthType", Nodes.text("NONE", at),
                "Principal", Nodes.text("*", at)), at);
        add(id + "URLInvokeAllowPublicAccess", "AWS::Lambda::Permission", Nodes.map(at,
                "Action", Nodes.text("lambda:InvokeFunction", at),
                "FunctionName", target,
                "InvokedViaFunctionUrl", new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at),
                "Principal", Nodes.text("*", at)), at);
    }

    /**
     * Adds the CodeDeploy application and service role, shared by every function of the
     * template, and the function's deployment group of {@code DeploymentPreference}.
     */
    void deploymentPreference(String aliasId) {
        MapNode.Entry entry = properties.entry("DeploymentPreference");
        MapNode preference = entry == null ? null : entry.value().asMap();
        if (preference == null || aliasId == null
                || "false".equalsIgnoreCase(preference.getText("Enabled"))) {
            return;
        }
        SourceSpan at = entry.keySpan();
        if (context.claim(CODE_DEPLOY_APPLICATION)) {
            add(CODE_DEPLOY_APPLICATION, "AWS::CodeDeploy::Application", Nodes.map(at,
                    "ComputePlatform", Nodes.text("Lambda", at)), at);
        }
        Node role = preference.get("Role");
        if (role == null && context.claim(CODE_DEPLOY_ROLE)) {
            add(CODE_DEPLOY_ROLE, "AWS::IAM::Role", Nodes.map(at,
                    "AssumeRolePolicyDocument", SamRoleBuilder.trust("codedeploy.amazonaws.com",
                            at),
                    "ManagedPolicyArns", Nodes.list(at, List.of(Nodes.text(
                            "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRoleForLambda",
                            at)))), at);
        }
        MapNode alarms = preference.has("Alarms") ? Nodes.map(at,
                "Enabled", new ScalarNode("true", ScalarNode.Kind.BOOLEAN, at),
                "Alarms", preference.get("Alarms")) : null;
        add(id + "DeploymentGroup", "AWS::CodeDeploy::DeploymentGroup", Nodes.map(at,
                "ApplicationName", Nodes.ref(CODE_DEPLOY_APPLICATION, at),
                "AlarmConfiguration", alarms,
                "DeploymentConfigName", preference.get("Type"),
                "ServiceRoleArn", role != null ? role : Nodes.getAtt(CODE_DEPLOY_ROLE, "Arn", at),
                "TriggerConfigurations", preference.get("TriggerConfigurations")), at);
    }

    private void add(String logicalId, String type, MapNode resourceProperties, SourceSpan at) {
        out.add(new Resource(logicalId, type, resourceProperties, at, condition, id));
    }
}
