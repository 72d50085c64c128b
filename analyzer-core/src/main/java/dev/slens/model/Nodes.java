package dev.slens.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds nodes that an expansion adds, such as the {@code Ref} in a generated permission. Each
 * takes the span of the source node it stands for, so findings on it point at the user's line.
 */
public final class Nodes {

    /**
     * The function name of a value the loader could not resolve, such as a Serverless Framework
     * {@code ${ssm:...}} variable. Its argument is the reason; the intrinsic evaluator turns it
     * into an unknown value, so it never causes a finding by itself.
     */
    public static final String UNRESOLVED = "Fn::Slens::Unresolved";

    private Nodes() {
    }

    /** Creates a string scalar. */
    public static ScalarNode text(String value, SourceSpan span) {
        return ScalarNode.string(value, span);
    }

    /** Creates {@code {Ref: logicalId}}. */
    public static MapNode ref(String logicalId, SourceSpan span) {
        return map(span, "Ref", text(logicalId, span));
    }

    /** Creates {@code {Fn::GetAtt: [logicalId, attribute]}}. */
    public static MapNode getAtt(String logicalId, String attribute, SourceSpan span) {
        return map(span, "Fn::GetAtt",
                new ListNode(List.of(text(logicalId, span), text(attribute, span)), span));
    }

    /** Creates a map from alternating keys and values; a {@code null} value skips its key. */
    public static MapNode map(SourceSpan span, Object... keysAndValues) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            Node value = (Node) keysAndValues[i + 1];
            if (value != null) {
                entries.add(new MapNode.Entry((String) keysAndValues[i], value.span(), value));
            }
        }
        return new MapNode(entries, span);
    }

    /** Creates {@code {Fn::Slens::Unresolved: reason}}, a value known only at deployment. */
    public static MapNode unresolved(String reason, SourceSpan span) {
        return map(span, UNRESOLVED, text(reason, span));
    }

    /** Returns a copy of {@code node} in which every node and key has the span {@code span}. */
    public static Node respan(Node node, SourceSpan span) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry entry : map.entries()) {
                entries.add(new MapNode.Entry(entry.key(), span, respan(entry.value(), span)));
            }
            return new MapNode(entries, span);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                items.add(respan(item, span));
            }
            return new ListNode(items, span);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(scalar.value(), scalar.kind(), span);
    }

    /**
     * Returns a copy of {@code node} in which every node and key keeps its position but is
     * placed in {@code file}, for a tree read from a file other than the template's own.
     */
    public static Node inFile(Node node, SourceFile file) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry entry : map.entries()) {
                entries.add(new MapNode.Entry(entry.key(), entry.keySpan().inFile(file),
                        inFile(entry.value(), file)));
            }
            return new MapNode(entries, map.span().inFile(file));
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                items.add(inFile(item, file));
            }
            return new ListNode(items, list.span().inFile(file));
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(scalar.value(), scalar.kind(), scalar.span().inFile(file));
    }

    /** Creates a list. */
    public static ListNode list(SourceSpan span, List<? extends Node> items) {
        return new ListNode(new ArrayList<>(items), span);
    }
}
