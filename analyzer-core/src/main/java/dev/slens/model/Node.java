package dev.slens.model;

/**
 * One node of a loaded template. YAML and JSON both load into this tree, and every node keeps
 * the span of the text it came from. CloudFormation short-form tags are already turned into their
 * long form, so {@code !Ref X} is a one-entry {@link MapNode} with the key {@code Ref}.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {

    /** Returns the node's span in its source file. */
    SourceSpan span();

    /** Returns this node as a map, or {@code null} when it is not one. */
    default MapNode asMap() {
        return this instanceof MapNode map ? map : null;
    }

    /** Returns this node as a list, or {@code null} when it is not one. */
    default ListNode asList() {
        return this instanceof ListNode list ? list : null;
    }

    /** Returns the text of a scalar node, or {@code null} for other nodes and YAML nulls. */
    default String text() {
        return this instanceof ScalarNode scalar ? scalar.value() : null;
    }

    /**
     * Returns the name of the intrinsic function this node calls ({@code Ref}, {@code Fn::Sub},
     * {@code Condition}, ...), or {@code null} when it is plain data.
     */
    default String intrinsicName() {
        if (this instanceof MapNode map && map.size() == 1) {
            String key = map.keys().iterator().next();
            if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition")) {
                return key;
            }
        }
        return null;
    }
}
