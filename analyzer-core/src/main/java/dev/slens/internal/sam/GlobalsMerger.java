package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a SAM {@code Globals} section into a resource's properties as the SAM translator does:
 * maps merge key by key, lists put the global items first, and any other value set on the
 * resource replaces the global one. Merged entries keep the span of the line they came from.
 */
final class GlobalsMerger {

    private GlobalsMerger() {
    }

    static MapNode merge(MapNode globals, MapNode local) {
        if (globals == null) {
            return local;
        }
        Map<String, MapNode.Entry> result = new LinkedHashMap<>();
        for (MapNode.Entry entry : globals.entries()) {
            result.put(entry.key(), entry);
        }
        for (MapNode.Entry entry : local.entries()) {
            MapNode.Entry global = result.get(entry.key());
            result.put(entry.key(), global == null ? entry
                    : new MapNode.Entry(entry.key(), entry.keySpan(),
                            mergeValues(global.value(), entry.value())));
        }
        return new MapNode(new ArrayList<>(result.values()), local.span());
    }

    private static Node mergeValues(Node global, Node local) {
        boolean plainMaps = global.asMap() != null && local.asMap() != null
                && global.intrinsicName() == null && local.intrinsicName() == null;
        if (plainMaps) {
            return merge(global.asMap(), local.asMap());
        }
        if (global instanceof ListNode globalList && local instanceof ListNode localList) {
            List<Node> items = new ArrayList<>(globalList.items());
            items.addAll(localList.items());
            return new ListNode(items, local.span());
        }
        return local;
    }
}
