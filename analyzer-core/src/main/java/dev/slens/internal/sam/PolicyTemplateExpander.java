package dev.slens.internal.sam;

import dev.slens.index.PolicyDocument;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a SAM policy template entry under {@code Policies}, such as
 * {@code DynamoDBReadPolicy: {TableName: !Ref Orders}}, into the policy document the SAM
 * translator generates for it. Each resource pattern becomes an {@code Fn::Sub} whose variables
 * are the nodes the user wrote as parameters, so the evaluator resolves them as written,
 * parameter defaults included. The generated statements take the span of the template name.
 */
final class PolicyTemplateExpander {

    private final String functionId;
    private final SamProblems problems;

    PolicyTemplateExpander(String functionId, SamProblems problems) {
        this.functionId = functionId;
        this.problems = problems;
    }

    /**
     * Returns whether {@code item} of a {@code Policies} list names a policy template: a mapping
     * with one key that is neither an intrinsic function nor {@code Statement}.
     */
    static boolean isTemplateEntry(Node item) {
        MapNode map = item.asMap();
        return map != null && map.size() == 1 && map.intrinsicName() == null
                && !map.has("Statement");
    }

    /**
     * Returns {@code item} with every policy template entry, also inside {@code Fn::If}
     * branches, replaced by its policy document. An entry that cannot be expanded is reported
     * and becomes {@code AWS::NoValue} inside a branch, or {@code null} at the top.
     */
    Node expand(Node item) {
        if ("Fn::If".equals(item.intrinsicName())) {
            ListNode parts = item.asMap().get("Fn::If").asList();
            if (parts == null || parts.size() != 3) {
                return item;
            }
            List<Node> branches = new ArrayList<>(List.of(parts.get(0)));
            for (Node branch : parts.items().subList(1, 3)) {
                Node expanded = expand(branch);
                branches.add(expanded != null ? expanded
                        : Nodes.ref("AWS::NoValue", branch.span()));
            }
            return Nodes.map(item.span(), "Fn::If", Nodes.list(parts.span(), branches));
        }
        if (!isTemplateEntry(item)) {
            return item;
        }
        return document(item.asMap().entries().iterator().next());
    }

    private Node document(MapNode.Entry entry) {
        SourceSpan at = entry.keySpan();
        PolicyTemplateTable.Template template = PolicyTemplateTable.find(entry.key());
        if (template == null) {
            problems.unsupported(at, functionId, "Function '" + functionId + "' lists an unknown"
                    + " SAM policy template '" + entry.key() + "' under Policies, so it was not"
                    + " analyzed. Use a template name from the SAM policy template list, or write"
                    + " the statements as an inline policy.");
            return null;
        }
        MapNode values = entry.value().asMap();
        for (String parameter : template.parameters()) {
            if (values == null || values.intrinsicName() != null || !values.has(parameter)) {
                problems.unsupported(at, functionId, "SAM policy template '" + entry.key()
                        + "' of function '" + functionId + "' is missing parameter '" + parameter
                        + "', so it was not analyzed; the SAM translator rejects it too. Set "
                        + parameter + " under " + entry.key() + ".");
                return null;
            }
        }

        List<Node> statements = new ArrayList<>();
        for (PolicyTemplateTable.Statement statement : template.statements()) {
            statements.add(statement(template.name(), statement, values, at));
        }
        return Nodes.map(at, "Statement", Nodes.list(at, statements));
    }

    /**
     * Builds one statement. Its {@code Sid} names the template, which the SAM translator does
     * not add, so that rules can tell the template's own resources from the user's values.
     */
    private static MapNode statement(String templateName, PolicyTemplateTable.Statement statement,
            MapNode values, SourceSpan at) {
        List<Node> actions = new ArrayList<>();
        for (String action : statement.actions()) {
            actions.add(Nodes.text(action, at));
        }
        List<Node> resources = new ArrayList<>();
        for (String pattern : statement.resources()) {
            resources.add(substitute(pattern, values, at));
        }
        return Nodes.map(at,
                "Sid", Nodes.text(PolicyDocument.SAM_POLICY_TEMPLATE_SID_PREFIX + templateName, at),
                "Effect", Nodes.text("Allow", at),
                "Action", Nodes.list(at, actions),
                "Resource", Nodes.list(at, resources),
                "Condition", conditions(statement.conditions(), values, at));
    }

    /** Returns the Condition block, with keys grouped by operator, or {@code null} if empty. */
    private static MapNode conditions(List<PolicyTemplateTable.Condition> conditions,
            MapNode values, SourceSpan at) {
        if (conditions.isEmpty()) {
            return null;
        }
        Map<String, List<MapNode.Entry>> byOperator = new LinkedHashMap<>();
        for (PolicyTemplateTable.Condition condition : conditions) {
            byOperator.computeIfAbsent(condition.operator(), k -> new ArrayList<>()).add(
                    new MapNode.Entry(condition.key(), at,
                            substitute(condition.value(), values, at)));
        }
        List<MapNode.Entry> operators = new ArrayList<>();
        byOperator.forEach((operator, keys) ->
                operators.add(new MapNode.Entry(operator, at, new MapNode(keys, at))));
        return new MapNode(operators, at);
    }

    /**
     * Returns {@code pattern} as plain text when it has no {@code ${...}}, else as
     * {@code Fn::Sub [pattern, variables]} where each parameter it uses maps to the user's node.
     */
    private static Node substitute(String pattern, MapNode values, SourceSpan at) {
        if (!pattern.contains("${")) {
            return Nodes.text(pattern, at);
        }
        List<MapNode.Entry> variables = new ArrayList<>();
        for (MapNode.Entry value : values == null ? List.<MapNode.Entry>of() : values.entries()) {
            if (pattern.contains("${" + value.key() + "}")) {
                variables.add(value);
            }
        }
        return Nodes.map(at, "Fn::Sub", Nodes.list(at,
                List.of(Nodes.text(pattern, at), new MapNode(variables, at))));
    }
}
