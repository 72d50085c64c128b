package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The CloudFormation short-form tags. {@code !GetAtt A.B.C} splits at the first dot only, since
 * nested-stack outputs are read as {@code !GetAtt Stack.Outputs.Name}.
 */
final class ShortForms {

    private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap",
            "GetAtt", "GetAZs", "ImportValue", "Join", "Select", "Split", "Sub", "Transform",
            "If", "Equals", "And", "Or", "Not", "ToJsonString", "Length", "ForEach");

    private ShortForms() {
    }

    /** Returns whether {@code tag} is one of the CloudFormation short forms. */
    static boolean isShortForm(Tag tag) {
        String name = tag.getValue();
        if (!name.startsWith("!")) {
            return false;
        }
        String function = name.substring(1);
        return function.equals("Ref") || function.equals("Condition")
                || FUNCTIONS.contains(function);
    }

    /** Wraps {@code value} in the long form of {@code tag}; returns it as is for other tags. */
    static Node toLongForm(Tag tag, Node value) {
        if (!isShortForm(tag)) {
            return value;
        }
        String function = tag.getValue().substring(1);
        String key = function.equals("Ref") || function.equals("Condition")
                ? function : "Fn::" + function;
        Node argument = value;
        if (function.equals("GetAtt") && value instanceof ScalarNode scalar
                && scalar.value() != null) {
            argument = splitGetAtt(scalar);
        }
        return new MapNode(List.of(new MapNode.Entry(key, value.span(), argument)), value.span());
    }

    private static Node splitGetAtt(ScalarNode scalar) {
        String text = scalar.value();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return new ListNode(List.of(scalar), scalar.span());
        }
        return new ListNode(List.of(
                ScalarNode.string(text.substring(0, dot), scalar.span()),
                ScalarNode.string(text.substring(dot + 1), scalar.span())), scalar.span());
    }
}
