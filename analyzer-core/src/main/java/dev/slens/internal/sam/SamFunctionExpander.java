package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Expands one {@code AWS::Serverless::Function}, already merged with its Globals, into the
 * CloudFormation resources the SAM translator generates: the function, its role, and the
 * resources its events and invoke configuration create. Logical IDs follow the translator
 * ({@code <Function>Role}, {@code <Function><Event>Permission}, ...).
 */
final class SamFunctionExpander {

    /** SAM-only properties that do not pass through to {@code AWS::Lambda::Function}. */
    private static final Set<String> SAM_ONLY = Set.of("Events", "Policies", "DeadLetterQueue",
            "Tracing", "EventInvokeConfig", "AutoPublishAlias", "AutoPublishCodeSha256",
            "DeploymentPreference", "CodeUri", "InlineCode", "ProvisionedConcurrencyConfig",
            "FunctionUrlConfig", "AssumeRolePolicyDocument", "ImageUri", "PermissionsBoundary",
            "RolePath",
            "Connectors", "VersionDescription", "AutoPublishAliasAllProperties",
            "VersionDeletionPolicy", "PropagateTags");

    private final SamContext context;
    private final String id;
    private final SourceSpan span;
    private final MapNode properties;
    private final String condition;
    private final SamProblems problems;
    private final List<Resource> out = new ArrayList<>();

    SamFunctionExpander(SamContext context, Resource function) {
        this.context = context;
        this.id = function.logicalId();
        this.span = function.span();
        this.properties = context.withGlobals("Function", function.properties());
        this.condition = function.condition();
        this.problems = context.problems();
    }

    List<Resource> expand() {
        List<MapNode.Entry> function = new ArrayList<>();
        for (MapNode.Entry entry : properties.entries()) {
            if (!SAM_ONLY.contains(entry.key())) {
                function.add(entry);
            }
        }
        code(function);
        MapNode.Entry tracing = properties.entry("Tracing");
        if (tracing != null) {
            function.add(new MapNode.Entry("TracingConfig", tracing.keySpan(),
                    Nodes.map(tracing.keySpan(), "Mode", tracing.value())));
        }
        MapNode.Entry dlq = properties.entry("DeadLetterQueue");
        if (dlq != null && (dlq.value().intrinsicName() != null
                || dlq.value().asMap() != null && dlq.value().asMap().has("TargetArn"))) {
            function.add(new MapNode.Entry("DeadLetterConfig", dlq.keySpan(),
                    Nodes.map(dlq.keySpan(), "TargetArn", member(dlq.value(), "TargetArn"))));
        }
        if (!properties.has("Role")) {
            function.add(new MapNode.Entry("Role", span, Nodes.getAtt(id + "Role", "Arn", span)));
        }
        out.add(new Resource(id, "AWS::Lambda::Function",
                new MapNode(function, properties.span()), span, condition, null));

        SamFunctionDeployment deployment = new SamFunctionDeployment(context, id, properties,
                condition, out);
        String aliasId = deployment.versionAndAlias();
        MapNode events = properties.getMap("Events");
        SamEventExpander eventExpander = new SamEventExpander(context, id, condition, out,
                aliasId);
        if (events != null) {
            eventExpander.noteDefaultRoutes(events);
            for (MapNode.Entry event : events.entries()) {
                eventExpander.expand(event);
            }
        }
        if (!properties.has("Role")) {
            out.add(1, new SamRoleBuilder(id, span, properties, condition, problems,
                    "lambda.amazonaws.com", List.copyOf(eventExpander.pollerPolicies())).build());
        }
        invokeConfig();
        deployment.functionUrl(aliasId);
        deployment.deploymentPreference(aliasId);
        return out;
    }

    /** Converts {@code CodeUri}, {@code InlineCode} or {@code ImageUri} into {@code Code}. */
    private void code(List<MapNode.Entry> function) {
        MapNode.Entry codeUri = properties.entry("CodeUri");
        MapNode.Entry inline = properties.entry("InlineCode");
        MapNode.Entry image = properties.entry("ImageUri");
        if (inline != null) {
            function.add(new MapNode.Entry("Code", inline.keySpan(),
                    Nodes.map(inline.keySpan(), "ZipFile", inline.value())));
        } else if (image != null) {
            function.add(new MapNode.Entry("Code", image.keySpan(),
                    Nodes.map(image.keySpan(), "ImageUri", image.value())));
        } else if (codeUri != null) {
            function.add(new MapNode.Entry("Code", codeUri.keySpan(), S3Locations.location(
                    codeUri.value(), "S3Bucket", "S3Key", "S3ObjectVersion")));
        }
    }

    private void invokeConfig() {
        MapNode.Entry entry = properties.entry("EventInvokeConfig");
        if (entry == null || entry.value().asMap() == null) {
            return;
        }
        Node config = entry.value();
        SourceSpan at = entry.keySpan();
        Node destinations = member(config, "DestinationConfig");
        if (destinations != null && destinations.asMap() != null
                && destinations.intrinsicName() == null) {
            destinations = new SamDestinations(context, id, condition, out)
                    .complete(destinations.asMap());
        }
        Node qualifier = properties.has("AutoPublishAlias")
                ? properties.get("AutoPublishAlias") : Nodes.text("$LATEST", at);
        out.add(new Resource(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig",
                Nodes.map(at, "FunctionName", Nodes.ref(id, at),
                        "Qualifier", qualifier,
                        "DestinationConfig", destinations,
                        "MaximumRetryAttempts", member(config, "MaximumRetryAttempts"),
                        "MaximumEventAgeInSeconds", member(config, "MaximumEventAgeInSeconds")),
                at, condition, id));
    }

    /**
     * Reads {@code key} from a SAM block. When the block is an {@code Fn::If}, the result is an
     * {@code Fn::If} of each branch's value, and a branch without the key gives
     * {@code AWS::NoValue}. Returns {@code null} when a plain block lacks the key.
     */
    static Node member(Node block, String key) {
        if ("Fn::If".equals(block.intrinsicName())) {
            ListNode parts = block.asMap().get("Fn::If").asList();
            if (parts == null || parts.size() != 3) {
                return block;
            }
            return Nodes.map(block.span(), "Fn::If", Nodes.list(parts.span(), List.of(
                    parts.get(0), orNoValue(member(parts.get(1), key), parts.get(1)),
                    orNoValue(member(parts.get(2), key), parts.get(2)))));
        }
        MapNode map = block.asMap();
        if (map == null || map.intrinsicName() != null) {
            return block;
        }
        return map.get(key);
    }

    private static Node orNoValue(Node value, Node branch) {
        return value != null ? value : Nodes.ref("AWS::NoValue", branch.span());
    }

    static Node orNull(MapNode map, String key) {
        return map == null ? null : map.get(key);
    }
}
