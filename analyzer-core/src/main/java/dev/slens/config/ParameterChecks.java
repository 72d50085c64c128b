package dev.slens.config;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.RuleMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code parameters} section and checks it against the parameters each rule declares
 * in its metadata: the rule must exist, it must declare the parameter, and a parameter whose
 * default is a whole number takes only whole numbers within its declared range.
 */
final class ParameterChecks {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");

    private final RuleSelection selection;
    private final ConfigLoader.Problems problems;

    ParameterChecks(RuleSelection selection, ConfigLoader.Problems problems) {
        this.selection = selection;
        this.problems = problems;
    }

    /** Returns the values keyed by rule ID and parameter name, adding a problem per mistake. */
    Map<String, Map<String, String>> read(MapNode section) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        if (section == null) {
            return values;
        }
        for (MapNode.Entry entry : section.entries()) {
            Optional<RuleMetadata> rule = selection.rule(entry.key());
            if (rule.isEmpty()) {
                List<String> ids = selection.names().stream()
                        .filter(name -> selection.rule(name).isPresent()).toList();
                problems.add(entry.keySpan(), "unknown rule '" + entry.key() + "' in"
                        + " 'parameters'", ClosestName.hint(entry.key(), ids));
                continue;
            }
            Map<String, String> ruleValues = values.computeIfAbsent(rule.get().id(),
                    id -> new LinkedHashMap<>());
            MapNode parameters = entry.value().asMap();
            for (MapNode.Entry parameter : parameters.entries()) {
                String value = check(rule.get(), parameter);
                if (value != null) {
                    ruleValues.put(parameter.key(), value);
                }
            }
        }
        return values;
    }

    /** Returns the value of {@code parameter} as text, or null after adding a problem. */
    private String check(RuleMetadata rule, MapNode.Entry parameter) {
        String name = parameter.key();
        Optional<RuleMetadata.Parameter> declared = rule.parameter(name);
        if (declared.isEmpty()) {
            List<String> names = rule.parameters().stream()
                    .map(RuleMetadata.Parameter::name).toList();
            String hint = ClosestName.hint(name, names);
            String expected = names.isEmpty() ? "; it has no parameters"
                    : (hint.isEmpty() ? "." : hint) + " Its parameters: "
                    + String.join(", ", names);
            problems.add(parameter.keySpan(), "rule " + rule.id() + " has no parameter '"
                    + name + "'", expected);
            return null;
        }
        Node node = parameter.value();
        String value = node.text();
        String defaultValue = declared.get().defaultValue().strip();
        if (WHOLE_NUMBER.matcher(defaultValue).matches()
                && (value == null || !WHOLE_NUMBER.matcher(value.strip()).matches())) {
            problems.add(node.span(), "'parameters." + rule.id() + "." + name + "' must be a"
                    + " whole number, like its default " + defaultValue + "; found "
                    + ConfigTree.describe(node));
            return null;
        }
        if (WHOLE_NUMBER.matcher(defaultValue).matches() && !inRange(declared.get(), value)) {
            problems.add(node.span(), "'parameters." + rule.id() + "." + name + "' must be from "
                    + declared.get().min() + " to " + declared.get().max() + "; found "
                    + value.strip());
            return null;
        }
        return value;
    }

    private static boolean inRange(RuleMetadata.Parameter declared, String value) {
        try {
            return declared.accepts(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            // More digits than a long holds: far outside any range.
            return false;
        }
    }
}
