package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the raw CloudFormation under {@code resources:} to the generated resources. A resource
 * with the logical ID of a generated one is merged into it, as the framework merges it, and
 * {@code resources.extensions} patches the Properties, Condition and Metadata of a generated
 * resource. {@code resources} may also be a list of such sections, which are merged in order.
 */
final class ResourcesSection {

    private final MapNode section;
    private final ServerlessProblems problems;

    ResourcesSection(Node resources, ServerlessProblems problems) {
        this.section = merged(resources);
        this.problems = problems;
    }

    /** Returns the CloudFormation sections: Resources, Outputs, Conditions and the like. */
    MapNode section() {
        return section;
    }

    /** Returns {@code generated} with the written resources and extensions applied. */
    List<Resource> apply(List<Resource> generated) {
        Map<String, Resource> byId = new LinkedHashMap<>();
        generated.forEach(resource -> byId.put(resource.logicalId(), resource));
        MapNode written = section.getMap("Resources");
        for (MapNode.Entry entry : written == null ? List.<MapNode.Entry>of() : written.entries()) {
            MapNode definition = entry.value().asMap();
            Resource existing = byId.get(entry.key());
            if (definition == null || definition.getText("Type") == null && existing == null) {
                problems.add(EngineChecks.UNSUPPORTED, entry.keySpan(), "Resource '"
                        + entry.key() + "' under resources.Resources has no Type, so it was not"
                        + " analyzed; CloudFormation rejects it too. Add a Type such as"
                        + " 'AWS::SQS::Queue'.");
                continue;
            }
            if (existing != null) {
                byId.put(entry.key(), patch(existing, definition));
                continue;
            }
            MapNode properties = definition.getMap("Properties");
            byId.put(entry.key(), new Resource(entry.key(), definition.getText("Type"),
                    properties == null ? Nodes.map(entry.keySpan()) : properties,
                    entry.keySpan(), definition.getText("Condition"), null));
        }
        MapNode extensions = section.getMap("extensions");
        for (MapNode.Entry entry : extensions == null ? List.<MapNode.Entry>of()
                : extensions.entries()) {
            Resource existing = byId.get(entry.key());
            if (existing == null || entry.value().asMap() == null) {
                problems.add(EngineChecks.UNSUPPORTED, entry.keySpan(), "Extension '"
                        + entry.key() + "' names no resource the framework generates, so the"
                        + " framework rejects it. Use the logical ID of a generated resource,"
                        + " such as 'HelloLogGroup'.");
                continue;
            }
            byId.put(entry.key(), patch(existing, entry.value().asMap()));
        }
        return new ArrayList<>(byId.values());
    }

    private static Resource patch(Resource resource, MapNode definition) {
        MapNode properties = definition.getMap("Properties");
        MapNode merged = properties == null ? resource.properties()
                : merge(resource.properties(), properties);
        String condition = definition.getText("Condition") != null
                ? definition.getText("Condition") : resource.condition();
        return new Resource(resource.logicalId(), resource.type(), merged, resource.span(),
                condition, resource.generatedFrom());
    }

    /** Merges {@code overlay} into {@code base}: maps key by key, other values replaced. */
    static MapNode merge(MapNode base, MapNode overlay) {
        List<MapNode.Entry> entries = new ArrayList<>(base.entries());
        for (MapNode.Entry entry : overlay.entries()) {
            Node old = base.get(entry.key());
            Node value = entry.value();
            if (old instanceof MapNode oldMap && value instanceof MapNode newMap
                    && oldMap.intrinsicName() == null && newMap.intrinsicName() == null) {
                value = merge(oldMap, newMap);
            }
            entries.add(new MapNode.Entry(entry.key(), entry.keySpan(), value));
        }
        return new MapNode(entries, base.span());
    }

    private static MapNode merged(Node resources) {
        if (resources instanceof MapNode map) {
            return map;
        }
        SourceSpan span = resources == null ? SourceSpan.NONE : resources.span();
        MapNode result = Nodes.map(span);
        if (resources instanceof ListNode list) {
            for (Node item : list.items()) {
                if (item.asMap() != null) {
                    result = merge(result, item.asMap());
                }
            }
        }
        return result;
    }
}
