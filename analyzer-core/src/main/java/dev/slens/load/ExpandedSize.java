package dev.slens.load;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Counts, from the parser's events, the size a YAML document has once every alias is expanded:
 * its value nodes, and the characters of the value strings that aliases repeat. An alias adds
 * the size its anchor's node had when it was parsed, so each count is exact without expanding
 * anything. It
 * raises a {@link LoadException} at the event that crosses {@link LoadLimits#maxNodes()} or
 * {@link LoadLimits#maxAliasedChars()}.
 */
final class ExpandedSize {

    /** Nodes and characters of text, up to some point of the document. */
    private record Size(long nodes, long chars) { }

    /** An open mapping or list: its anchor, the totals when it started, and its events so far. */
    private static final class Open {
        private final String anchor;
        private final Size start;
        private final boolean mapping;
        private long children;

        Open(String anchor, Size start, boolean mapping) {
            this.anchor = anchor;
            this.start = start;
            this.mapping = mapping;
        }
    }

    private final long maxNodes;
    private final long maxAliasedChars;
    private final Utf16Columns columns;
    private final Map<String, Size> anchors = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long nodes;
    private long chars;
    private long aliasedChars;

    ExpandedSize(LoadLimits limits, Utf16Columns columns) {
        this.maxNodes = limits.maxNodes();
        this.maxAliasedChars = limits.maxAliasedChars();
        this.columns = columns;
    }

    /** Adds {@code event} to the counts. */
    void count(Event event) {
        if (event instanceof ScalarEvent scalar) {
            // Keys count neither as nodes nor as text, as node counts elsewhere leave keys out.
            boolean key = isKey();
            long length = key ? 0 : scalar.getValue().length();
            add(key ? 0 : 1, length, event);
            if (scalar.getAnchor() != null) {
                anchors.put(scalar.getAnchor(), new Size(1, scalar.getValue().length()));
            }
        } else if (event instanceof AliasEvent alias) {
            boolean key = isKey();
            Size aliased = anchors.getOrDefault(alias.getAnchor(), new Size(0, 0));
            aliasedChars += aliased.chars();
            if (aliasedChars > maxAliasedChars) {
                throw new LoadException("aliases repeat more than " + maxAliasedChars
                        + " characters of text; write the repeated values out or use fewer"
                        + " aliases", columns.at(event.getStartMark()));
            }
            add(key ? 0 : aliased.nodes(), aliased.chars(), event);
        } else if (event instanceof CollectionStartEvent start) {
            boolean key = isKey();
            add(key ? 0 : 1, 0, event);
            open.push(new Open(start.getAnchor(), new Size(nodes, chars),
                    event.is(Event.ID.MappingStart)));
        } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
            Open closed = open.pop();
            if (closed.anchor != null) {
                anchors.put(closed.anchor, new Size(nodes - closed.start.nodes() + 1,
                        chars - closed.start.chars()));
            }
        }
    }

    /** Returns whether the node that starts now is a mapping key, and counts it as a child. */
    private boolean isKey() {
        Open parent = open.peek();
        if (parent == null) {
            return false;
        }
        return parent.mapping && parent.children++ % 2 == 0;
    }

    private void add(long addedNodes, long addedChars, Event event) {
        nodes += addedNodes;
        chars += addedChars;
        if (nodes > maxNodes) {
            String cause = event instanceof AliasEvent
                    ? "aliases expand the document to" : "document has";
            throw new LoadException(cause + " more than " + maxNodes + " nodes",
                    columns.at(event.getStartMark()));
        }
    }
}
