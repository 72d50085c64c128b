package dev.slens.internal.sam;

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
            "FunctionUrlConfig", "AssumeRolePolicyDocument", "PermissionsBoundary", "RolePath",
            "Connectors", "VersionDescription", "AutoPublishAliasAllProperties",
            "VersionDeletionPolicy", "PropagateTags");

    private final String id;
    private final SourceSpan span;
    private final MapNode properties;
    private final String condition;
    private final List<Resource> out = new ArrayList<>();

    SamFunctionExpander(String id, SourceSpan span, MapNode properties, String condition) {
        this.id = id;
        this.span = span;
        this.properties = properties;
        this.condition = condition;
    }

    List<Resource> expand() {
        List<MapNode.Entry> function = new ArrayList<>();
        for (MapNode.Entry entry : properties.entries()) {
            if (!SAM_ONLY.contains(entry.key())) {
                function.add(entry);
            }
        }
        MapNode.Entry tracing = properties.entry("Tracing");
        if (tracing != null) {
            function.add(new MapNode.Entry("TracingConfig", tracing.keySpan(),
                    Nodes.map(tracing.keySpan(), "Mode", tracing.value())));
        }
        MapNode dlq = properties.getMap("DeadLetterQueue");
        if (dlq != null && dlq.has("TargetArn")) {
            MapNode.Entry entry = properties.entry("DeadLetterQueue");
            function.add(new MapNode.Entry("DeadLetterConfig", entry.keySpan(),
                    Nodes.map(entry.keySpan(), "TargetArn", dlq.get("TargetArn"))));
        }
        if (!properties.has("Role")) {
            function.add(new MapNode.Entry("Role", span, Nodes.getAtt(id + "Role", "Arn", span)));
            out.add(new SamRoleBuilder(id, span, properties, condition).build());
        }
        out.add(0, new Resource(id, "AWS::Lambda::Function",
                new MapNode(function, properties.span()), span, condition, null));
        MapNode events = properties.getMap("Events");
        if (events != null) {
            SamEventExpander eventExpander = new SamEventExpander(id, condition, out);
            for (MapNode.Entry event : events.entries()) {
                eventExpander.expand(event);
            }
        }
        invokeConfig();
        return out;
    }

    private void invokeConfig() {
        MapNode.Entry entry = properties.entry("EventInvokeConfig");
        if (entry == null || entry.value().asMap() == null) {
            return;
        }
        MapNode config = entry.value().asMap();
        SourceSpan at = entry.keySpan();
        Node destinations = config.get("DestinationConfig");
        if (destinations != null && destinations.asMap() != null) {
            destinations = new SamDestinations(id, condition, out).complete(destinations.asMap());
        }
        out.add(new Resource(id + "EventInvokeConfig", "AWS::Lambda::EventInvokeConfig",
                Nodes.map(at, "FunctionName", Nodes.ref(id, at),
                        "Qualifier", Nodes.text("$LATEST", at),
                        "DestinationConfig", destinations,
                        "MaximumRetryAttempts", config.get("MaximumRetryAttempts"),
                        "MaximumEventAgeInSeconds", config.get("MaximumEventAgeInSeconds")),
                at, condition, id));
    }

    static Node orNull(MapNode map, String key) {
        return map == null ? null : map.get(key);
    }
}
