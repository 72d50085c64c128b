package dev.slens.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping or JSON object, in file order. Each entry keeps the span of its key, which is
 * where findings about a missing property or a whole resource point.
 */
public final class MapNode implements Node {

    /** One key and its value. */
    public record Entry(String key, SourceSpan keySpan, Node value) { }

    private final Map<String, Entry> entries;
    private final SourceSpan span;

    /** Creates a map from entries in order; a later entry replaces an earlier one with its key. */
    public MapNode(Collection<Entry> entries, SourceSpan span) {
        Map<String, Entry> copy = new LinkedHashMap<>();
        for (Entry entry : entries) {
            copy.put(entry.key(), entry);
        }
        this.entries = Collections.unmodifiableMap(copy);
        this.span = span;
    }

    @Override
    public SourceSpan span() {
        return span;
    }

    /** Returns the value under {@code key}, or {@code null}. */
    public Node get(String key) {
        Entry entry = entries.get(key);
        return entry == null ? null : entry.value();
    }

    /** Returns the entry under {@code key}, or {@code null}. */
    public Entry entry(String key) {
        return entries.get(key);
    }

    /** Returns the map under {@code key}, or {@code null} when absent or not a map. */
    public MapNode getMap(String key) {
        Node node = get(key);
        return node == null ? null : node.asMap();
    }

    /** Returns the text of the scalar under {@code key}, or {@code null}. */
    public String getText(String key) {
        Node node = get(key);
        return node == null ? null : node.text();
    }

    /** Returns whether the map has {@code key}. */
    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Returns the keys in file order. */
    public Set<String> keys() {
        return entries.keySet();
    }

    /** Returns the entries in file order. */
    public Collection<Entry> entries() {
        return entries.values();
    }

    /** Returns the number of entries. */
    public int size() {
        return entries.size();
    }

    @Override
    public String toString() {
        return entries.values().toString();
    }
}
