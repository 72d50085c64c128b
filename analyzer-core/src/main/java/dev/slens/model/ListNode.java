package dev.slens.model;

import java.util.List;

/** A YAML sequence or JSON array. */
public record ListNode(List<Node> items, SourceSpan span) implements Node {

    public ListNode {
        items = List.copyOf(items);
    }

    /** Returns the number of items. */
    public int size() {
        return items.size();
    }

    /** Returns the item at {@code index}. */
    public Node get(int index) {
        return items.get(index);
    }
}
