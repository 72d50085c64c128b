package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands {@code Fn::ForEach} loops of the {@code AWS::LanguageExtensions} transform in the
 * Resources section, including loops nested in a loop's output, when the collection is a
 * literal list. Each copy keeps the spans of the loop body, so findings point at the templated
 * line. The expansion counts resources and copied nodes as it goes and stops a loop that
 * takes the template past the limits, so that a few nested loops cannot exhaust time or memory.
 */
final class ForEachExpander {

    /** A loop that could not be expanded, with the reason. */
    record Skipped(MapNode.Entry loop, String reason) { }

    private final LoadLimits limits;
    private final List<Skipped> skipped = new ArrayList<>();
    private final List<Skipped> tooLarge = new ArrayList<>();
    private long resourceCount;
    private long nodeCount;

    ForEachExpander(LoadLimits limits) {
        this.limits = limits;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** Returns the loops that were not expanded because they exceed the limits. */
    List<Skipped> tooLarge() {
        return tooLarge;
    }

    /** Returns the entries of {@code resources}, each expandable loop replaced by its copies. */
    List<MapNode.Entry> expand(MapNode resources) {
        List<MapNode.Entry> result = new ArrayList<>();
        for (MapNode.Entry entry : resources.entries()) {
            if (!entry.key().startsWith("Fn::ForEach::")) {
                result.add(entry);
                resourceCount++;
                continue;
            }
            long resourcesBefore = resourceCount;
            long nodesBefore = nodeCount;
            try {
                result.addAll(loop(entry));
            } catch (LimitReached reached) {
                // The copies made so far are dropped, so the memory they took is freed.
                resourceCount = resourcesBefore;
                nodeCount = nodesBefore;
                tooLarge.add(new Skipped(entry, reached.getMessage()));
            }
        }
        return result;
    }

    private List<MapNode.Entry> loop(MapNode.Entry entry) {
        if (!IntrinsicShapes.isLoop(entry.value())) {
            // IntrinsicShapes reports the malformed loop as SL0014.
            return List.of();
        }
        ListNode parts = entry.value().asList();
        ListNode collection = parts.get(1).asList();
        if (collection == null || collection.items().stream().anyMatch(i -> i.text() == null)) {
            skipped.add(new Skipped(entry, "its collection is not a literal list"));
            return List.of();
        }
        String identifier = parts.get(0).text();
        List<MapNode.Entry> copies = new ArrayList<>();
        for (Node item : collection.items()) {
            for (MapNode.Entry output : parts.get(2).asMap().entries()) {
                MapNode.Entry copy = new MapNode.Entry(replace(output.key(), identifier,
                        item.text()), output.keySpan(),
                        substitute(output.value(), identifier, item.text()));
                if (copy.key().startsWith("Fn::ForEach::")) {
                    copies.addAll(loop(copy));
                } else {
                    copies.add(copy);
                    countResource();
                }
            }
        }
        return copies;
    }

    private void countResource() {
        resourceCount++;
        if (resourceCount > limits.maxResources()) {
            throw new LimitReached("it creates more than " + limits.maxResources()
                    + " resources, the most slens analyzes in one template");
        }
    }

    private void countNode() {
        nodeCount++;
        if (nodeCount > limits.maxNodes()) {
            throw new LimitReached("its copies have more than " + limits.maxNodes()
                    + " nodes, the most slens reads in one template");
        }
    }

    private Node substitute(Node node, String identifier, String value) {
        countNode();
        if (node instanceof ScalarNode scalar) {
            return scalar.value() == null ? scalar
                    : new ScalarNode(replace(scalar.value(), identifier, value), scalar.kind(),
                            scalar.span());
        }
        if ("Ref".equals(node.intrinsicName()) && identifier.equals(node.asMap().getText("Ref"))) {
            return ScalarNode.string(value, node.span());
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                items.add(substitute(item, identifier, value));
            }
            return new ListNode(items, list.span());
        }
        MapNode map = (MapNode) node;
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : map.entries()) {
            entries.add(new MapNode.Entry(replace(entry.key(), identifier, value), entry.keySpan(),
                    substitute(entry.value(), identifier, value)));
        }
        return new MapNode(entries, map.span());
    }

    /** Raised when the expansion passes a limit, to abandon the outermost loop. */
    private static final class LimitReached extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LimitReached(String reason) {
            super(reason, null, false, false);
        }
    }

    private static String replace(String text, String identifier, String value) {
        String alphanumeric = value.replaceAll("[^A-Za-z0-9]", "");
        return text.replace("${" + identifier + "}", value)
                .replace("&{" + identifier + "}", alphanumeric);
    }
}
