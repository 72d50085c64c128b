package dev.slens.index;

import dev.slens.model.ListNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates {@code Fn::Select} over a written list or over the list a {@code Fn::Split} makes.
 * A split is evaluated only when its delimiter and source text are known exactly.
 */
final class SelectionEvaluator {

    private final Evaluator evaluator;

    SelectionEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    List<Alternative> select(Node argument, Node node, Evaluator.Trail trail) {
        ListNode parts = argument.asList();
        Node list = parts != null && parts.size() == 2 ? parts.get(1) : null;
        boolean split = list != null && "Fn::Split".equals(list.intrinsicName());
        if (list == null || list.asList() == null && list.intrinsicName() == null) {
            return unknown("Fn::Select is not evaluated", node, trail);
        }
        Integer position = index(parts.get(0));
        if (position == null) {
            return unknown("Fn::Select index is not known", node, trail);
        }
        if (split) {
            return selectFromSplit(list.asMap().get("Fn::Split"), position, node, trail);
        }
        if (list.asList() == null) {
            return selectFromResult(list, position, node, trail);
        }
        ListNode items = list.asList();
        if (position >= 0 && position < items.size()) {
            return evaluator.evaluate(items.get(position), trail);
        }
        return unknown("Fn::Select index is past the end of the list", node, trail);
    }

    private Integer index(Node indexNode) {
        String index = evaluator.exactText(indexNode);
        if (index == null && indexNode instanceof ScalarNode scalar) {
            index = scalar.value();
        }
        try {
            return index == null ? null : Integer.valueOf(index);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Selects item {@code position} of each exact text the split source may take. As in
     * CloudFormation, the delimiter is literal text and empty items are kept, so
     * {@code !Split ["|", "a||c|"]} gives {@code a}, an empty string, {@code c} and another empty
     * string, as the Fn::Split reference shows:
     * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-split.html
     */
    private List<Alternative> selectFromSplit(Node split, int position, Node node,
            Evaluator.Trail trail) {
        ListNode parts = split.asList();
        if (parts == null || parts.size() != 2) {
            return unknown("malformed Fn::Split", node, trail);
        }
        List<Alternative> delimiters = evaluator.evaluate(parts.get(0), trail);
        String delimiter = delimiters.size() == 1 ? delimiters.get(0).value().exactText() : null;
        if (delimiter == null || delimiter.isEmpty()) {
            return unknown("Fn::Split delimiter is not known", node, trail);
        }
        List<Alternative> result = new ArrayList<>();
        for (Alternative source : evaluator.evaluate(parts.get(1), trail)) {
            String text = source.value().exactText();
            Value value;
            if (text == null) {
                value = new Value.Unknown("Fn::Split source text is not known exactly");
            } else {
                String[] items = text.split(Pattern.quote(delimiter), -1);
                value = position >= 0 && position < items.length
                        ? new Value.Text(items[position], true)
                        : new Value.Unknown("Fn::Select index is past the end of the Fn::Split");
            }
            result.add(new Alternative(value, source.conditions(), source.via(), node));
        }
        return Evaluator.limit(result);
    }

    /**
     * Selects item {@code position} of each list that another function, such as
     * {@code Fn::Cidr}, evaluates to.
     */
    private List<Alternative> selectFromResult(Node list, int position, Node node,
            Evaluator.Trail trail) {
        List<Alternative> result = new ArrayList<>();
        for (Alternative source : evaluator.evaluate(list, trail)) {
            ListNode items = source.value() instanceof Value.Structure structure
                    ? structure.node().asList() : null;
            if (items != null && position >= 0 && position < items.size()) {
                Evaluator.Trail through = new Evaluator.Trail(source.conditions(), source.via(),
                        trail.assumed(), trail.depth() + 1);
                result.addAll(evaluator.evaluate(items.get(position), through));
            } else {
                result.add(new Alternative(new Value.Unknown("Fn::Select item is not known"),
                        source.conditions(), source.via(), node));
            }
        }
        return Evaluator.limit(result);
    }

    private static List<Alternative> unknown(String reason, Node node, Evaluator.Trail trail) {
        return List.of(trail.of(new Value.Unknown(reason), node));
    }
}
