package dev.slens.engine;

import dev.slens.model.MapNode;
import dev.slens.model.RecordHash;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the findings that one rule makes once per possible value of the same node, such as
 * three SL1003 findings on a {@code Runtime: !Ref Runtime} line whose parameter allows three
 * runtimes. Findings merge when they have the same rule, file, place, resource, suppression and
 * baseline state, and their messages differ only in one quoted value and in whether the value
 * is a parameter's default or one of its allowed values. The merged finding names every value,
 * as in {@code 'python3.7' or 'nodejs14.x'}, and points at the parameter. Messages that differ
 * in anything else, such as a date that depends on the value, stay separate findings.
 */
final class ValueVariants {

    private static final Pattern QUOTED = Pattern.compile("'[^']*'");
    /** The source of a value, as the evaluator's trail writes it into a message's qualifier. */
    private static final Pattern PARAMETER_SOURCE =
            Pattern.compile("parameter '([^']+)' (?:default|allowed value)");

    /** A finding's message split into the text around quoted values and the values. */
    private record Shape(List<String> text, List<String> quoted) {

        static Shape of(String message) {
            List<String> text = new ArrayList<>();
            List<String> quoted = new ArrayList<>();
            Matcher matcher = QUOTED.matcher(message);
            int end = 0;
            while (matcher.find()) {
                text.add(message.substring(end, matcher.start()));
                quoted.add(matcher.group());
                end = matcher.end();
            }
            text.add(message.substring(end));
            return new Shape(text, quoted);
        }

        /** Returns the one index where the values differ, or -1 when none or several do. */
        int differingValue(Shape other) {
            if (!text.equals(other.text)) {
                return -1;
            }
            int index = -1;
            for (int i = 0; i < quoted.size(); i++) {
                if (!quoted.get(i).equals(other.quoted.get(i))) {
                    if (index >= 0) {
                        return -1;
                    }
                    index = i;
                }
            }
            return index;
        }

        String join(int index, List<String> values) {
            StringBuilder message = new StringBuilder(text.get(0));
            for (int i = 0; i < quoted.size(); i++) {
                message.append(i == index ? list(values, "or") : quoted.get(i))
                        .append(text.get(i + 1));
            }
            return message.toString();
        }
    }

    /** Findings that merge into one: the first, the index of the value, and every value. */
    private static final class Group {
        private final Finding first;
        private final Shape shape;
        private final Set<String> values = new LinkedHashSet<>();
        private int index = -1;

        Group(Finding first, Shape shape) {
            this.first = first;
            this.shape = shape;
        }

        boolean add(Shape other) {
            int differing = shape.differingValue(other);
            if (differing < 0 || (index >= 0 && differing != index)) {
                return false;
            }
            if (index < 0) {
                index = differing;
                values.add(shape.quoted().get(index));
            }
            values.add(other.quoted().get(index));
            return true;
        }
    }

    /** Findings that may merge: the same rule, place, resource and state. */
    private record Key(String ruleId, String file, Object span, String logicalId,
            Object suppression, Object baselineState) {

        static Key of(Finding finding) {
            return new Key(finding.ruleId(), finding.file().displayPath(), finding.span(),
                    finding.logicalId(), finding.suppression(), finding.baselineState());
        }

        /** Compares every component, as the generated method does; see {@link RecordHash}. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(ruleId, key.ruleId)
                    && Objects.equals(file, key.file) && Objects.equals(span, key.span)
                    && Objects.equals(logicalId, key.logicalId)
                    && Objects.equals(suppression, key.suppression)
                    && Objects.equals(baselineState, key.baselineState);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(ruleId, file, span, logicalId, suppression, baselineState);
        }
    }

    private ValueVariants() {
    }

    /** Returns {@code findings} with each set of value variants merged, in their order. */
    static List<Finding> merge(List<Finding> findings, Template template) {
        Map<Key, List<Group>> groups = new LinkedHashMap<>();
        List<Group> order = new ArrayList<>();
        for (Finding finding : findings) {
            Shape shape = Shape.of(normalize(finding.message()));
            List<Group> candidates = groups.computeIfAbsent(Key.of(finding),
                    key -> new ArrayList<>());
            boolean added = candidates.stream().anyMatch(group -> group.add(shape));
            if (!added) {
                Group group = new Group(finding, shape);
                candidates.add(group);
                order.add(group);
            }
        }
        List<Finding> merged = new ArrayList<>();
        for (Group group : order) {
            merged.add(group.index < 0 ? group.first : mergedFinding(group, template));
        }
        return merged;
    }

    /** Drops whether a parameter's value is its default or another allowed value. */
    private static String normalize(String message) {
        return PARAMETER_SOURCE.matcher(message).replaceAll("parameter '$1'");
    }

    private static Finding mergedFinding(Group group, Template template) {
        Finding first = group.first;
        String message = group.shape.join(group.index, List.copyOf(group.values));
        List<Finding.Related> related = new ArrayList<>(first.related());
        Matcher parameter = PARAMETER_SOURCE.matcher(first.message());
        MapNode parameters = template.section("Parameters");
        if (parameter.find() && parameters != null) {
            MapNode.Entry entry = parameters.entry(parameter.group(1));
            if (entry != null) {
                related.add(new Finding.Related(entry.keySpan(), "Parameter '"
                        + parameter.group(1) + "' allows " + list(List.copyOf(group.values),
                        "and")));
            }
        }
        return new Finding(first.ruleId(), first.severity(), message, first.file(),
                first.span(), first.logicalId(), related, first.suppression(),
                first.baselineState());
    }

    /** Returns values as "'a' or 'b'" or "'a', 'b' or 'c'", with {@code conjunction}. */
    private static String list(List<String> values, String conjunction) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " " + conjunction
                + " " + values.get(values.size() - 1);
    }
}
