package dev.slens.index;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates {@code Fn::Sub} and {@code Fn::Join} by combining the alternatives of their parts.
 * Parts that cannot be known become placeholders, and the result is then marked inexact.
 */
final class SubstitutionEvaluator {

    private final Evaluator evaluator;

    SubstitutionEvaluator(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    List<Alternative> sub(Node argument, Node node, Evaluator.Trail trail) {
        String pattern = argument.text();
        MapNode variables = null;
        ListNode list = argument.asList();
        if (pattern == null && list != null && list.size() >= 1) {
            pattern = list.get(0).text();
            variables = list.size() > 1 ? list.get(1).asMap() : null;
        }
        if (pattern == null) {
            return List.of(trail.of(new Value.Unknown("malformed Fn::Sub"), node));
        }
        List<List<Alternative>> parts = new ArrayList<>();
        int position = 0;
        while (position < pattern.length()) {
            int start = pattern.indexOf("${", position);
            int end = start < 0 ? -1 : pattern.indexOf('}', start);
            if (start < 0 || end < 0) {
                parts.add(literal(pattern.substring(position), node, trail));
                break;
            }
            parts.add(literal(pattern.substring(position, start), node, trail));
            String name = pattern.substring(start + 2, end);
            if (name.startsWith("!")) {
                parts.add(literal("${" + name.substring(1) + "}", node, trail));
            } else {
                parts.add(variable(name.trim(), variables, node, trail));
            }
            position = end + 1;
        }
        return combine(parts, "", node, trail);
    }

    List<Alternative> join(Node argument, Node node, Evaluator.Trail trail) {
        ListNode list = argument.asList();
        if (list == null || list.size() != 2 || list.get(0).text() == null
                || list.get(1).asList() == null) {
            return List.of(trail.of(new Value.Unknown("Fn::Join list is not known"), node));
        }
        List<List<Alternative>> parts = new ArrayList<>();
        for (Node item : list.get(1).asList().items()) {
            List<Alternative> present = new ArrayList<>();
            for (Alternative alternative : evaluator.evaluate(item, trail)) {
                if (!(alternative.value() instanceof Value.NoValue)) {
                    present.add(alternative);
                }
            }
            if (!present.isEmpty()) {
                parts.add(present);
            }
        }
        return combine(parts, list.get(0).text(), node, trail);
    }

    private static List<Alternative> literal(String text, Node node, Evaluator.Trail trail) {
        return List.of(trail.of(new Value.Text(text, true), node));
    }

    private List<Alternative> variable(String name, MapNode variables, Node node,
            Evaluator.Trail trail) {
        if (variables != null && variables.has(name)) {
            return evaluator.evaluate(variables.get(name), trail);
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !name.startsWith("AWS::")) {
            return List.of(trail.of(new Value.Text("{{getatt:" + name + "}}", false), node));
        }
        return evaluator.reference(name, node, trail);
    }

    private static List<Alternative> combine(List<List<Alternative>> parts, String separator,
            Node node, Evaluator.Trail trail) {
        List<Alternative> result = List.of(trail.of(new Value.Text("", true), node));
        boolean first = true;
        for (List<Alternative> part : parts) {
            List<Alternative> next = new ArrayList<>();
            for (Alternative prefix : result) {
                for (Alternative suffix : part) {
                    if (next.size() < Evaluator.MAX_ALTERNATIVES) {
                        next.add(append(prefix, first ? "" : separator, suffix, node));
                    }
                }
            }
            result = next;
            first = false;
        }
        return result;
    }

    private static Alternative append(Alternative prefix, String separator, Alternative suffix,
            Node node) {
        Value.Text head = (Value.Text) prefix.value();
        String text;
        boolean exact = head.exact();
        if (suffix.value() instanceof Value.Text tail) {
            text = tail.text();
            exact &= tail.exact();
        } else if (suffix.value() instanceof Value.Literal literal) {
            text = literal.text();
        } else {
            text = "{{unknown}}";
            exact = false;
        }
        List<String> conditions = new ArrayList<>(prefix.conditions());
        suffix.conditions().stream().filter(c -> !conditions.contains(c)).forEach(conditions::add);
        List<String> via = new ArrayList<>(prefix.via());
        suffix.via().stream().filter(v -> !via.contains(v)).forEach(via::add);
        return new Alternative(new Value.Text(head.text() + separator + text, exact), conditions,
                via, node);
    }
}
