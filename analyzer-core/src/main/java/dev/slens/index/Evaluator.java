package dev.slens.index;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Placeholders;
import dev.slens.model.ScalarNode;
import dev.slens.model.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates CloudFormation intrinsic functions to the values they may take. {@code Fn::If} yields
 * both branches, each marked with its condition; a {@code Ref} to a parameter yields its default,
 * or each allowed value when it has no default; what cannot be known is {@link Value.Unknown}.
 * Inside a resource with a {@code Condition}, values that need that condition to be false are
 * left out, because CloudFormation does not create the resource then.
 */
public final class Evaluator {

    /** Upper bound on the alternatives of one node, so nested conditions cannot multiply. */
    static final int MAX_ALTERNATIVES = 32;
    private static final int MAX_DEPTH = 64;

    private final Template template;
    private final MapNode parameters;
    private final SubstitutionEvaluator substitutions = new SubstitutionEvaluator(this);
    private final SelectionEvaluator selections = new SelectionEvaluator(this);
    private final MoreIntrinsics more = new MoreIntrinsics(this);
    private final ConditionScope scope;

    public Evaluator(Template template) {
        this.template = template;
        this.parameters = template.section("Parameters");
        this.scope = new ConditionScope(template);
    }

    /** Returns every value {@code node} may take; never empty. */
    public List<Alternative> alternatives(Node node) {
        return evaluate(node, new Trail(List.of(), List.of(), Map.of(), 0));
    }

    /**
     * Returns the items of a list-valued property, each with the values it may take. A single
     * value counts as a one-item list, as CloudFormation accepts for IAM actions and resources;
     * {@code Fn::If} items yield their branches and {@code AWS::NoValue} items are dropped.
     */
    public List<Alternative> elements(Node node) {
        List<Alternative> result = new ArrayList<>();
        collectElements(node, new Trail(List.of(), List.of(), Map.of(), 0), result);
        return result;
    }

    /** Returns the first exact text {@code node} may take, or {@code null}. */
    public String exactText(Node node) {
        if (node == null) {
            return null;
        }
        for (Alternative alternative : alternatives(node)) {
            String text = alternative.value().exactText();
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /**
     * Returns the logical ID of the resource {@code node} points at through {@code Ref},
     * {@code Fn::GetAtt} or a {@code Fn::Sub} that is only a reference, or {@code null}.
     */
    public String referencedResource(Node node) {
        if (node == null) {
            return null;
        }
        String function = node.intrinsicName();
        if (function == null) {
            return null;
        }
        Node argument = node.asMap().get(function);
        String target = switch (function) {
            case "Ref" -> argument.text();
            case "Fn::GetAtt" -> argument.asList() != null && argument.asList().size() > 0
                    ? argument.asList().get(0).text() : null;
            case "Fn::Sub" -> referenceInSub(argument);
            default -> null;
        };
        return target != null && template.resource(target) != null ? target : null;
    }

    private static String referenceInSub(Node argument) {
        String text = argument.text();
        if (text == null && argument.asList() != null && argument.asList().size() > 0) {
            text = argument.asList().get(0).text();
        }
        if (text == null || !text.startsWith("${") || text.indexOf('}') != text.length() - 1) {
            return null;
        }
        String name = text.substring(2, text.length() - 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    Template template() {
        return template;
    }

    List<Alternative> evaluate(Node node, Trail trail) {
        if (trail.depth() > MAX_DEPTH) {
            return List.of(trail.of(new Value.Unknown("nesting too deep"), node));
        }
        if (node instanceof ScalarNode scalar) {
            return List.of(trail.of(scalarValue(scalar), node));
        }
        String function = node.intrinsicName();
        if (function == null) {
            return List.of(trail.of(new Value.Structure(node), node));
        }
        Node argument = node.asMap().get(function);
        Trail inner = trail.deeper();
        return switch (function) {
            case "Ref" -> reference(argument.text(), node, inner);
            case "Fn::If" -> branches(argument, node, inner);
            case "Fn::Sub" -> substitutions.sub(argument, node, inner);
            case "Fn::Join" -> substitutions.join(argument, node, inner);
            case "Fn::Select" -> selections.select(argument, node, inner);
            case "Fn::FindInMap" -> more.findInMap(argument, node, inner);
            case "Fn::Length" -> more.length(argument, node, inner);
            case "Fn::ToJsonString" -> more.toJsonString(argument, node, inner);
            case "Fn::Base64" -> more.base64(argument, node, inner);
            case "Fn::Cidr" -> more.cidr(argument, node, inner);
            case Nodes.UNRESOLVED -> List.of(trail.of(new Value.Unknown(
                    String.valueOf(argument.text())), node));
            case "Fn::GetAtt" -> getAtt(argument, node, inner);
            default -> List.of(trail.of(new Value.Unknown(function + " is not evaluated"), node));
        };
    }

    private static Value scalarValue(ScalarNode scalar) {
        return switch (scalar.kind()) {
            // A dynamic reference or a text template's placeholder is filled in later.
            case STRING -> new Value.Text(scalar.value(), !Placeholders.contains(scalar.value()));
            case NUMBER, BOOLEAN -> new Value.Literal(scalar.value());
            case NULL -> new Value.Unknown("null value");
        };
    }

    /**
     * Evaluates an {@code Fn::GetAtt}. An {@code Outputs.Name} attribute of a nested stack
     * takes that output's value when the template records it (see
     * {@link Template#stackOutput}); any other attribute evaluates to a placeholder text.
     */
    private List<Alternative> getAtt(Node argument, Node node, Trail trail) {
        String name = getAttName(argument);
        int dot = name.indexOf('.');
        String prefix = ".Outputs.";
        if (dot > 0 && name.startsWith(prefix, dot)) {
            Node output = template.stackOutput(name.substring(0, dot),
                    name.substring(dot + prefix.length()));
            if (output != null) {
                return evaluate(output, trail);
            }
        }
        return List.of(trail.of(new Value.Text("{{getatt:" + name + "}}", false), node));
    }

    private static String getAttName(Node argument) {
        if (argument.asList() != null) {
            List<String> parts = new ArrayList<>();
            for (Node part : argument.asList().items()) {
                parts.add(part.text() == null ? "?" : part.text());
            }
            return String.join(".", parts);
        }
        return String.valueOf(argument.text());
    }

    List<Alternative> reference(String name, Node node, Trail trail) {
        if (name == null) {
            return List.of(trail.of(new Value.Unknown("Ref without a name"), node));
        }
        if (name.equals("AWS::NoValue")) {
            return List.of(trail.of(new Value.NoValue(), node));
        }
        if (name.startsWith("AWS::")) {
            return List.of(trail.of(new Value.Text("{{" + name + "}}", false), node));
        }
        MapNode parameter = parameters.getMap(name);
        if (parameter != null) {
            return parameterValues(name, parameter, node, trail);
        }
        if (template.resource(name) != null) {
            return List.of(trail.of(new Value.Text("{{ref:" + name + "}}", false), node));
        }
        return List.of(trail.of(new Value.Unknown("'" + name + "' is not defined"), node));
    }

    /**
     * Returns the values a parameter can take: its default first, then each of its
     * {@code AllowedValues}, leaving out those under which the node's resource condition is
     * certainly false. A deployment may pass any allowed value, so each one is checked.
     */
    private List<Alternative> parameterValues(String name, MapNode parameter, Node node,
            Trail trail) {
        String condition = scope.conditionOf(node);
        Node defaultValue = parameter.get("Default");
        boolean hasDefault = defaultValue != null && defaultValue.text() != null;
        List<Alternative> result = new ArrayList<>();
        if (hasDefault && isPossible(condition, trail, name, defaultValue.text())) {
            Trail through = trail.via("parameter '" + name + "' default");
            result.add(through.of(new Value.Text(defaultValue.text(), true), node));
        }
        ListNode allowed = parameter.get("AllowedValues") == null
                ? null : parameter.get("AllowedValues").asList();
        if (allowed != null) {
            Trail through = trail.via("parameter '" + name + "' allowed value");
            for (Node value : allowed.items()) {
                String text = value.text();
                if (text != null && result.size() < MAX_ALTERNATIVES
                        && !(hasDefault && text.equals(defaultValue.text()))
                        && isPossible(condition, trail, name, text)) {
                    result.add(through.of(new Value.Text(text, true), node));
                }
            }
        }
        if (!result.isEmpty()) {
            return result;
        }
        String reason;
        if (allowed != null && allowed.size() > 0) {
            reason = "no allowed value of parameter '" + name + "' makes condition '" + condition
                    + "' true";
        } else if (hasDefault) {
            reason = "the default of parameter '" + name + "' makes condition '" + condition
                    + "' false";
        } else {
            reason = "parameter '" + name + "' has no default";
        }
        return List.of(trail.of(new Value.Unknown(reason), node));
    }

    /**
     * Returns whether the resource condition (null for none) and every condition an enclosing
     * {@code Fn::If} branch assumes can hold when the parameter has {@code value}.
     */
    private boolean isPossible(String condition, Trail trail, String parameter, String value) {
        if (condition != null && scope.isFalseWhen(condition, parameter, value)) {
            return false;
        }
        for (Map.Entry<String, Boolean> assumption : trail.assumed().entrySet()) {
            boolean contradicted = assumption.getValue()
                    ? scope.isFalseWhen(assumption.getKey(), parameter, value)
                    : scope.isTrueWhen(assumption.getKey(), parameter, value);
            if (contradicted) {
                return false;
            }
        }
        return true;
    }

    private List<Alternative> branches(Node argument, Node node, Trail trail) {
        ListNode parts = argument.asList();
        if (parts == null || parts.size() != 3 || parts.get(0).text() == null) {
            return List.of(trail.of(new Value.Unknown("malformed Fn::If"), node));
        }
        String condition = parts.get(0).text();
        List<Alternative> result = new ArrayList<>();
        result.addAll(evaluate(parts.get(1), trail.when(condition, true)));
        if (!condition.equals(scope.conditionOf(node))) {
            result.addAll(evaluate(parts.get(2),
                    trail.when(condition, false)));
        }
        return limit(result);
    }

    private void collectElements(Node node, Trail trail, List<Alternative> result) {
        if ("Fn::If".equals(node.intrinsicName())) {
            ListNode parts = node.asMap().get("Fn::If").asList();
            if (parts != null && parts.size() == 3 && parts.get(0).text() != null) {
                String condition = parts.get(0).text();
                collectElements(parts.get(1), trail.when(condition, true),
                        result);
                if (!condition.equals(scope.conditionOf(node))) {
                    collectElements(parts.get(2),
                            trail.when(condition, false), result);
                }
                return;
            }
        }
        if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                collectElements(item, trail, result);
            }
            return;
        }
        for (Alternative alternative : evaluate(node, trail)) {
            if (!(alternative.value() instanceof Value.NoValue)) {
                result.add(alternative);
            }
        }
    }

    static List<Alternative> limit(List<Alternative> alternatives) {
        return alternatives.size() <= MAX_ALTERNATIVES
                ? alternatives : List.copyOf(alternatives.subList(0, MAX_ALTERNATIVES));
    }

    /**
     * The conditions and parameters on the way to a value, how deep evaluation has gone, and the
     * truth each enclosing {@code Fn::If} assumes of its condition.
     */
    record Trail(List<String> conditions, List<String> via, Map<String, Boolean> assumed,
            int depth) {

        Alternative of(Value value, Node node) {
            return new Alternative(value, conditions, via, node);
        }

        Trail deeper() {
            return new Trail(conditions, via, assumed, depth + 1);
        }

        Trail when(String condition, boolean truth) {
            List<String> more = new ArrayList<>(conditions);
            more.add("condition '" + condition + "' is " + truth);
            Map<String, Boolean> assuming = new HashMap<>(assumed);
            assuming.putIfAbsent(condition, truth);
            return new Trail(more, via, assuming, depth + 1);
        }

        Trail via(String source) {
            List<String> more = new ArrayList<>(via);
            more.add(source);
            return new Trail(conditions, more, assumed, depth + 1);
        }
    }
}
