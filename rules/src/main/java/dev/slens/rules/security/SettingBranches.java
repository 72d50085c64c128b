package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one property of a resource branch by branch: which {@code Fn::If} branches set it to a
 * given literal and which leave it out. A value that cannot be known counts as set and as
 * matching no literal, so it never causes a finding.
 */
final class SettingBranches {

    private SettingBranches() {
    }

    /** Returns the alternatives of {@code node} whose value is {@code literal}, ignoring case. */
    static List<Alternative> equalTo(Evaluator evaluator, Node node, String literal) {
        List<Alternative> result = new ArrayList<>();
        if (node == null) {
            return result;
        }
        for (Alternative alternative : evaluator.alternatives(node)) {
            if (literal.equalsIgnoreCase(text(alternative.value()))) {
                result.add(alternative);
            }
        }
        return result;
    }

    /**
     * Returns the condition lists of the branches in which {@code node} is absent, {@code
     * AWS::NoValue} or an empty string. A single empty list means absent in every branch.
     */
    static List<List<String>> absent(Evaluator evaluator, Node node) {
        List<List<String>> result = new ArrayList<>();
        if (node == null) {
            result.add(List.of());
            return result;
        }
        for (Alternative alternative : evaluator.alternatives(node)) {
            Value value = alternative.value();
            if (value instanceof Value.NoValue || "".equals(value.exactText())) {
                result.add(alternative.conditions());
            }
        }
        return result;
    }

    /**
     * Returns whether two branches can both apply. They cannot when one needs a condition true
     * and the other needs it false.
     */
    static boolean compatible(List<String> first, List<String> second) {
        for (String condition : first) {
            if (second.contains(opposite(condition))) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the absent branches include one compatible with {@code conditions}. */
    static boolean absentWith(List<List<String>> absent, List<String> conditions) {
        return absent.stream().anyMatch(branch -> compatible(branch, conditions));
    }

    /** Returns the written text of a string, number or boolean, or null. */
    static String text(Value value) {
        if (value instanceof Value.Literal literal) {
            return literal.text().toLowerCase(Locale.ROOT);
        }
        return value.exactText();
    }

    private static String opposite(String condition) {
        if (condition.endsWith(" is true")) {
            return condition.substring(0, condition.length() - 4) + "false";
        }
        if (condition.endsWith(" is false")) {
            return condition.substring(0, condition.length() - 5) + "true";
        }
        return "";
    }
}
