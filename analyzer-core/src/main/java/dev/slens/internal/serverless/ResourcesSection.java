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
 * Adds the raw CloudFormation under {@code resources:} to the generated resources, as Serverless
 * Framework v3 and v4 do in {@code mergeCustomProviderResources}. A resource with the logical ID
 * of a generated one is deep-merged into it with lodash's {@code merge}: maps key by key, lists
 * item by item, other values replaced, and that applies to its attributes too. Then
 * {@code resources.extensions} patches generated resources: its Properties and Metadata replace
 * the generated entries of the same name (a shallow merge), its DependsOn list is appended to
 * the resource's, and Condition and the policy attributes replace the resource's. The framework
 * rejects any other attribute. Both reach the resource's attributes, where rules read them.
 * {@code resources} may also be a list of such sections, which are merged in order.
 */
final class ResourcesSection {

    /** The attributes {@code resources.extensions} may set, in the framework's order. */
    private static final List<String> EXTENSIBLE = List.of("Properties", "Metadata",
            "DependsOn", "Condition", "CreationPolicy", "DeletionPolicy", "UpdatePolicy",
            "UpdateReplacePolicy");

    private final MapNode section;
    private final ServerlessProblems problems;
    /** The resource definitions with their attributes, by logical ID; see {@link #definitions}. */
    private final Map<String, MapNode.Entry> definitions = new LinkedHashMap<>();

    ResourcesSection(Node resources, ServerlessProblems problems) {
        this.section = merged(resources);
        this.problems = problems;
    }

    /** Returns the CloudFormation sections: Resources, Outputs, Conditions and the like. */
    MapNode section() {
        return section;
    }

    /**
     * Returns the definitions of the resources that have attributes beside their properties:
     * those written under {@code resources.Resources}, and the generated ones that
     * {@code resources.extensions} gives Metadata, DependsOn or a policy attribute. Valid after
     * {@link #apply}.
     */
    MapNode definitions() {
        return new MapNode(new ArrayList<>(definitions.values()), section.span());
    }

    /** Returns {@code generated} with the written resources and extensions applied. */
    List<Resource> apply(List<Resource> generated) {
        Map<String, Resource> byId = new LinkedHashMap<>();
        generated.forEach(resource -> byId.put(resource.logicalId(), resource));
        MapNode written = section.getMap("Resources");
        for (MapNode.Entry entry : written == null ? List.<MapNode.Entry>of() : written.entries()) {
            definitions.put(entry.key(), entry);
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
                byId.put(entry.key(), override(existing, definition));
                continue;
            }
            MapNode properties = definition.getMap("Properties");
            byId.put(entry.key(), new Resource(entry.key(), definition.getText("Type"),
                    properties == null ? Nodes.map(entry.keySpan()) : properties,
                    entry.keySpan(), definition.getText("Condition"), null,
                    Resource.attributesOf(definition, entry.keySpan())));
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
            byId.put(entry.key(), extend(existing, entry.key(), entry.value().asMap()));
            extendDefinition(entry);
        }
        return new ArrayList<>(byId.values());
    }

    /**
     * Deep-merges a written definition into the generated resource of the same logical ID, its
     * attributes such as DeletionPolicy as well as its properties.
     */
    private static Resource override(Resource resource, MapNode definition) {
        MapNode properties = definition.getMap("Properties");
        MapNode merged = properties == null ? resource.properties()
                : merge(resource.properties(), properties);
        MapNode attributes = merge(resource.attributes(),
                Resource.attributesOf(definition, definition.span()));
        return rebuilt(resource, merged, definition.getText("Condition"), attributes);
    }

    /** Applies one entry of {@code resources.extensions} to a generated resource. */
    private Resource extend(Resource resource, String logicalId, MapNode extension) {
        for (MapNode.Entry attribute : extension.entries()) {
            if (!EXTENSIBLE.contains(attribute.key())) {
                problems.add(EngineChecks.UNSUPPORTED, attribute.keySpan(), "Extension '"
                        + logicalId + "' sets '" + attribute.key() + "', which the framework"
                        + " cannot extend, so it stops with an error. Extend only "
                        + String.join(", ", EXTENSIBLE) + ".");
            }
        }
        MapNode properties = extension.getMap("Properties");
        MapNode patched = resource.properties();
        if (properties != null) {
            // Object.assign: a property of the extension replaces the generated one whole.
            List<MapNode.Entry> entries = new ArrayList<>(patched.entries());
            entries.addAll(properties.entries());
            patched = new MapNode(entries, patched.span());
        }
        MapNode attributes = Resource.attributesOf(
                extendAttributes(resource.attributes(), extension), resource.span());
        return rebuilt(resource, patched, extension.getText("Condition"), attributes);
    }

    /** Applies the attributes of an extension, except Properties, to the resource's definition. */
    private void extendDefinition(MapNode.Entry extension) {
        MapNode.Entry old = definitions.get(extension.key());
        MapNode base = old == null || old.value().asMap() == null
                ? Nodes.map(extension.keySpan()) : old.value().asMap();
        MapNode.Entry key = old != null ? old : extension;
        definitions.put(extension.key(), new MapNode.Entry(extension.key(), key.keySpan(),
                extendAttributes(base, extension.value().asMap())));
    }

    /**
     * Returns {@code base} with the attributes of an extension other than Properties applied as
     * the framework's {@code mergeCustomProviderResources} does: Metadata merged shallowly
     * ({@code Object.assign}), DependsOn appended, the other attributes replaced.
     */
    private static MapNode extendAttributes(MapNode base, MapNode extension) {
        Map<String, MapNode.Entry> attributes = new LinkedHashMap<>();
        base.entries().forEach(entry -> attributes.put(entry.key(), entry));
        for (MapNode.Entry attribute : extension.entries()) {
            if (!EXTENSIBLE.contains(attribute.key()) || attribute.key().equals("Properties")) {
                continue;
            }
            MapNode.Entry current = attributes.get(attribute.key());
            Node value = attribute.value();
            if (current != null && attribute.key().equals("Metadata")
                    && current.value().asMap() != null && value.asMap() != null) {
                MapNode added = value.asMap();
                List<MapNode.Entry> merged = new ArrayList<>(current.value().asMap().entries());
                merged.removeIf(entry -> added.has(entry.key()));
                merged.addAll(added.entries());
                value = new MapNode(merged, added.span());
            } else if (attribute.key().equals("DependsOn")) {
                List<Node> items = new ArrayList<>(current == null ? List.of()
                        : ServiceModel.items(current.value()));
                items.addAll(ServiceModel.items(value));
                value = new ListNode(items, value.span());
            }
            attributes.put(attribute.key(), new MapNode.Entry(attribute.key(),
                    attribute.keySpan(), value));
        }
        return new MapNode(new ArrayList<>(attributes.values()), base.span());
    }

    private static Resource rebuilt(Resource resource, MapNode properties, String condition,
            MapNode attributes) {
        return new Resource(resource.logicalId(), resource.type(), properties, resource.span(),
                condition != null ? condition : resource.condition(), resource.generatedFrom(),
                attributes);
    }

    /**
     * Merges {@code overlay} into {@code base} as lodash's {@code merge} does: maps key by key
     * and lists item by item, so a longer list keeps its extra items, and other values
     * replaced. An intrinsic function such as {@code Ref} replaces whatever it meets whole.
     */
    static MapNode merge(MapNode base, MapNode overlay) {
        List<MapNode.Entry> entries = new ArrayList<>(base.entries());
        for (MapNode.Entry entry : overlay.entries()) {
            Node old = base.get(entry.key());
            entries.add(new MapNode.Entry(entry.key(), entry.keySpan(),
                    old == null ? entry.value() : merge(old, entry.value())));
        }
        return new MapNode(entries, base.span());
    }

    private static Node merge(Node base, Node overlay) {
        boolean plain = base.intrinsicName() == null && overlay.intrinsicName() == null;
        if (plain && base instanceof MapNode baseMap && overlay instanceof MapNode overlayMap) {
            return merge(baseMap, overlayMap);
        }
        if (base instanceof ListNode baseList && overlay instanceof ListNode overlayList) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < Math.max(baseList.size(), overlayList.size()); i++) {
                items.add(i >= overlayList.size() ? baseList.get(i)
                        : i >= baseList.size() ? overlayList.get(i)
                        : merge(baseList.get(i), overlayList.get(i)));
            }
            return new ListNode(items, overlay.span());
        }
        return overlay;
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
