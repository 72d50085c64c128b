package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns a SnakeYAML node graph into our tree: short-form tags become long-form intrinsics,
 * merge keys are applied, and duplicate keys are recorded. An anchored node is converted once
 * and shared by its aliases, and the size the tree would have with every alias expanded is
 * counted, so an alias bomb fails fast.
 */
final class YamlTreeBuilder {

    /** A key that appeared twice in one mapping. */
    record Duplicate(String key, SourceSpan first, SourceSpan second) { }

    /** A local tag, such as {@code !Bogus}, that is not a CloudFormation short form. */
    record UnknownTag(String tag, SourceSpan span) { }

    private final LoadLimits limits;
    private final Utf16Columns columns;
    private final Map<org.yaml.snakeyaml.nodes.Node, Node> converted = new IdentityHashMap<>();
    private final Map<Node, Long> expandedSize = new IdentityHashMap<>();
    private final Set<org.yaml.snakeyaml.nodes.Node> inProgress =
            Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Duplicate> duplicates = new ArrayList<>();
    private final List<UnknownTag> unknownTags = new ArrayList<>();
    private long mergedEntries;
    private long convertedNodes;
    private boolean shared;

    YamlTreeBuilder(LoadLimits limits, Utf16Columns columns) {
        this.limits = limits;
        this.columns = columns;
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }

    List<UnknownTag> unknownTags() {
        return unknownTags;
    }

    Node build(org.yaml.snakeyaml.nodes.Node root) {
        Node tree = convert(root, 0);
        if (shared) {
            sizeOf(tree);
        } else if (convertedNodes > limits.maxNodes()) {
            // Without shared nodes, the expanded size is the number of nodes converted.
            throw new LoadException("document has more than " + limits.maxNodes() + " nodes",
                    tree.span());
        }
        return tree;
    }

    private Node convert(org.yaml.snakeyaml.nodes.Node node, int depth) {
        if (depth > limits.maxDepth()) {
            throw new LoadException("nesting is deeper than " + limits.maxDepth() + " levels",
                    span(node));
        }
        convertedNodes++;
        // Only an anchored node can be reached again, through an alias, so only anchored nodes
        // are remembered, which keeps the identity maps small.
        boolean anchored = node.getAnchor() != null;
        if (anchored) {
            Node done = converted.get(node);
            if (done != null) {
                shared = true;
                return done;
            }
            if (!inProgress.add(node)) {
                throw new LoadException("anchor '" + node.getAnchor() + "' is used inside its"
                        + " own value, which makes the template infinite", span(node));
            }
        }
        Node result = switch (node.getNodeId()) {
            case scalar -> scalar((org.yaml.snakeyaml.nodes.ScalarNode) node);
            case sequence -> sequence((SequenceNode) node, depth);
            case mapping -> mapping((MappingNode) node, depth);
            case anchor -> convert(((org.yaml.snakeyaml.nodes.AnchorNode) node).getRealNode(),
                    depth);
        };
        if (isUnknown(node.getTag())) {
            unknownTags.add(new UnknownTag(node.getTag().getValue(), span(node)));
        }
        result = ShortForms.toLongForm(node.getTag(), result);
        if (anchored) {
            inProgress.remove(node);
            converted.put(node, result);
        }
        return result;
    }

    /**
     * Returns whether {@code tag} is neither a CloudFormation short form nor a YAML core tag:
     * a local tag such as {@code !Bogus}, or a verbatim global one such as
     * {@code !<tag:example.com,2000:x>}.
     */
    private static boolean isUnknown(Tag tag) {
        String value = tag.getValue();
        if (value.startsWith("!")) {
            return !ShortForms.isShortForm(tag);
        }
        return !value.startsWith(Tag.PREFIX);
    }

    private Node scalar(org.yaml.snakeyaml.nodes.ScalarNode node) {
        Tag tag = node.getTag();
        ScalarNode.Kind kind;
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            kind = ScalarNode.Kind.NUMBER;
        } else if (Tag.BOOL.equals(tag)) {
            kind = ScalarNode.Kind.BOOLEAN;
        } else if (Tag.NULL.equals(tag)) {
            kind = ScalarNode.Kind.NULL;
        } else {
            kind = ScalarNode.Kind.STRING;
        }
        String value = kind == ScalarNode.Kind.NULL ? null : node.getValue();
        return new ScalarNode(value, kind, span(node));
    }

    private Node sequence(SequenceNode node, int depth) {
        List<Node> items = new ArrayList<>();
        for (org.yaml.snakeyaml.nodes.Node item : node.getValue()) {
            items.add(convert(item, depth + 1));
        }
        return new ListNode(items, span(node));
    }

    private Node mapping(MappingNode node, int depth) {
        Map<String, MapNode.Entry> explicit = new LinkedHashMap<>();
        Map<String, SourceSpan> firstSeen = new HashMap<>();
        Map<String, MapNode.Entry> merged = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            org.yaml.snakeyaml.nodes.Node keyNode = tuple.getKeyNode();
            if (Tag.MERGE.equals(keyNode.getTag())) {
                mergeSources(tuple.getValueNode(), span(keyNode), depth, merged);
                continue;
            }
            String key = keyText(keyNode);
            SourceSpan keySpan = span(keyNode);
            SourceSpan previous = firstSeen.putIfAbsent(key, keySpan);
            if (previous != null) {
                duplicates.add(new Duplicate(key, previous, keySpan));
                explicit.remove(key);
            }
            explicit.put(key, new MapNode.Entry(key, keySpan,
                    convert(tuple.getValueNode(), depth + 1)));
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : merged.values()) {
            if (!explicit.containsKey(entry.key())) {
                entries.add(entry);
            }
        }
        entries.addAll(explicit.values());
        return new MapNode(entries, span(node));
    }

    /**
     * Adds to {@code merged} the entries the merge key at {@code mergeKey} brings in, from one
     * mapping or a list of them, keeping the first entry of each key. Copied entries count
     * against {@link LoadLimits#maxNodes()}, so merging one large mapping many times fails fast.
     */
    private void mergeSources(org.yaml.snakeyaml.nodes.Node value, SourceSpan mergeKey,
            int depth, Map<String, MapNode.Entry> merged) {
        List<org.yaml.snakeyaml.nodes.Node> sources = value instanceof SequenceNode list
                ? list.getValue() : List.of(value);
        for (org.yaml.snakeyaml.nodes.Node source : sources) {
            Node converted = convert(source, depth + 1);
            if (!(converted instanceof MapNode map)) {
                throw new LoadException("a merge key ('<<') must refer to a mapping",
                        mergeKey);
            }
            mergedEntries += map.size();
            if (mergedEntries > limits.maxNodes()) {
                throw new LoadException("merge keys copy more than " + limits.maxNodes()
                        + " entries", mergeKey);
            }
            for (MapNode.Entry entry : map.entries()) {
                merged.putIfAbsent(entry.key(), entry);
            }
        }
    }

    private String keyText(org.yaml.snakeyaml.nodes.Node keyNode) {
        if (keyNode instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new LoadException("a mapping key must be a plain value, not a "
                + keyNode.getNodeId() + " node", span(keyNode));
    }

    private long sizeOf(Node node) {
        Long known = expandedSize.get(node);
        if (known != null) {
            return known;
        }
        long size = 1;
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                size = Math.addExact(size, sizeOf(entry.value()));
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                size = Math.addExact(size, sizeOf(item));
            }
        }
        if (size > limits.maxNodes()) {
            throw new LoadException("aliases expand this node to more than " + limits.maxNodes()
                    + " nodes", node.span());
        }
        expandedSize.put(node, size);
        return size;
    }

    private SourceSpan span(org.yaml.snakeyaml.nodes.Node node) {
        return columns.span(node.getStartMark(), node.getEndMark());
    }
}
