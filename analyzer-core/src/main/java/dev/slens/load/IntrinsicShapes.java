package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Reports intrinsic functions whose arguments have a shape that CloudFormation rejects, such as
 * an {@code Fn::If} with two values or an {@code Fn::Select} index that is not a number. The
 * argument counts and types follow the CloudFormation intrinsic function reference, such as 2 to
 * 10 conditions for {@code Fn::And}. The functions of the {@code AWS::LanguageExtensions}
 * transform ({@code Fn::Length}, {@code Fn::ToJsonString}, {@code Fn::ForEach}) follow that
 * transform's reference. Inside a loop body only the functions outside the loop are checked,
 * because the body names the loop's identifier in places where a value must stand.
 */
final class IntrinsicShapes {

    private final SourceFile file;
    private final List<Finding> findings = new ArrayList<>();

    private IntrinsicShapes(SourceFile file) {
        this.file = file;
    }

    /** Returns a finding for each malformed intrinsic function below {@code root}, by line. */
    static List<Finding> check(SourceFile file, MapNode root) {
        IntrinsicShapes shapes = new IntrinsicShapes(file);
        Deque<Node> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node instanceof MapNode map) {
                shapes.checkFunction(map);
                shapes.checkLoops(map);
                // A loop body names its identifier in strings, such as a "${Index}" index.
                map.entries().stream()
                        .filter(entry -> !entry.key().startsWith("Fn::ForEach::"))
                        .forEach(entry -> pending.push(entry.value()));
            } else if (node instanceof ListNode list) {
                list.items().forEach(pending::push);
            }
        }
        shapes.findings.sort(Comparator.comparingInt((Finding f) -> f.span().line())
                .thenComparingInt(f -> f.span().column()));
        return shapes.findings;
    }

    private void checkFunction(MapNode map) {
        String name = map.intrinsicName();
        if (name == null) {
            return;
        }
        MapNode.Entry entry = map.entries().iterator().next();
        Node argument = entry.value();
        String problem = switch (name) {
            case "Fn::If" -> listOf(argument, 3, "a condition name, the value when the"
                    + " condition is true and the value when it is false");
            case "Fn::Select" -> select(argument);
            case "Fn::Sub" -> sub(argument);
            case "Fn::Join" -> listOf(argument, 2, "a delimiter and the list of values to join");
            case "Fn::Split" -> listOf(argument, 2, "a delimiter and the text to split");
            case "Fn::Equals" -> listOf(argument, 2, "the two values to compare");
            case "Fn::Not" -> listOf(argument, 1, "one condition");
            case "Fn::Cidr" -> listOf(argument, 3, "an IP block, the count of subnets and"
                    + " the subnet mask bits");
            case "Fn::FindInMap" -> findInMap(argument);
            case "Fn::And", "Fn::Or" -> conditions(argument);
            case "Fn::GetAtt" -> getAtt(argument);
            case "Ref" -> isText(argument) ? null : "takes the name of a parameter or resource";
            case "Fn::Base64" -> textOrFunction(argument, "the text to encode");
            case "Fn::ImportValue" -> textOrFunction(argument, "the name of an exported output");
            case "Fn::GetAZs" -> getAzs(argument);
            case "Fn::Transform" -> transform(argument);
            case "Fn::Length" -> argument instanceof ListNode || argument.intrinsicName() != null
                    ? null : "takes a list, or a function that returns a list";
            case "Fn::ToJsonString" -> argument instanceof ListNode
                    || argument instanceof MapNode ? null : "takes a mapping or a list";
            default -> null;
        };
        if (problem != null) {
            report(name, entry, problem);
        }
    }

    /** Checks each {@code Fn::ForEach::Name} entry of {@code map}, a loop of the transform. */
    private void checkLoops(MapNode map) {
        for (MapNode.Entry entry : map.entries()) {
            if (entry.key().startsWith("Fn::ForEach::") && !isLoop(entry.value())) {
                report("Fn::ForEach", entry, "takes a list of 3 values: an identifier, a"
                        + " collection (a list or a function that returns one) and a mapping"
                        + " of output keys to values");
            }
        }
    }

    private void report(String name, MapNode.Entry entry, String problem) {
        findings.add(new Finding(EngineChecks.MALFORMED_INTRINSIC.id(),
                EngineChecks.MALFORMED_INTRINSIC.severity(), name + " " + problem + ", but"
                + " here it is " + describe(entry.value()) + ". CloudFormation rejects the"
                + " template, and rules may not check this value. Fix the arguments.",
                entry.keySpan().fileOr(file), entry.keySpan(), null, List.of()));
    }

    /** Returns whether {@code value} has the shape [identifier, collection, output]. */
    static boolean isLoop(Node value) {
        if (!(value instanceof ListNode parts) || parts.size() != 3) {
            return false;
        }
        Node collection = parts.get(1);
        return isText(parts.get(0)) && !parts.get(0).text().isEmpty()
                && (collection instanceof ListNode || collection.intrinsicName() != null)
                && parts.get(2) instanceof MapNode;
    }

    private static String textOrFunction(Node argument, String meaning) {
        if (isText(argument) || argument.intrinsicName() != null) {
            return null;
        }
        return "takes a string or a function that returns one: " + meaning;
    }

    private static String getAzs(Node argument) {
        // An empty region, written '' or left empty, means the stack's own region.
        boolean empty = argument instanceof ScalarNode scalar
                && scalar.kind() == ScalarNode.Kind.NULL;
        if (empty || isText(argument) || argument.intrinsicName() != null) {
            return null;
        }
        return "takes the name of a region, or an empty string for the stack's region";
    }

    private static String transform(Node argument) {
        if (argument instanceof MapNode map && argument.intrinsicName() == null
                && isText(map.get("Name"))
                && (map.get("Parameters") == null || map.get("Parameters") instanceof MapNode)) {
            return null;
        }
        return "takes a mapping with the macro's Name and, optionally, its Parameters mapping";
    }

    /** Returns the problem of an argument that must be a list of {@code size} values. */
    private static String listOf(Node argument, int size, String arguments) {
        if (argument instanceof ListNode list && list.size() == size) {
            return null;
        }
        return "takes a list of " + size + (size == 1 ? " value: " : " values: ") + arguments;
    }

    private static String select(Node argument) {
        String problem = listOf(argument, 2, "an index and a list");
        if (problem != null) {
            return problem;
        }
        Node index = ((ListNode) argument).get(0);
        if (index.intrinsicName() != null) {
            return null;
        }
        boolean number = index instanceof ScalarNode scalar
                && (scalar.kind() == ScalarNode.Kind.NUMBER
                        || scalar.kind() == ScalarNode.Kind.STRING)
                && scalar.value() != null && scalar.value().matches("\\d{1,9}");
        return number ? null : "takes an index that is a whole number of 0 or more";
    }

    private static String sub(Node argument) {
        if (isText(argument) || argument.intrinsicName() != null) {
            return null;
        }
        if (argument instanceof ListNode list && list.size() == 2 && isText(list.get(0))
                && (list.get(1) instanceof MapNode)) {
            return null;
        }
        return "takes a string, or a list of a string and a mapping of variables";
    }

    private static String findInMap(Node argument) {
        // A fourth value, a mapping with DefaultValue, is allowed by AWS::LanguageExtensions.
        if (argument instanceof ListNode list && (list.size() == 3 || list.size() == 4)) {
            return null;
        }
        return "takes a list of 3 values: a map name, a top-level key and a second-level key";
    }

    private static String conditions(Node argument) {
        if (argument instanceof ListNode list && list.size() >= 2 && list.size() <= 10) {
            return null;
        }
        return "takes a list of 2 to 10 conditions";
    }

    private static String getAtt(Node argument) {
        if (argument instanceof ScalarNode scalar && isText(scalar)
                && scalar.value().indexOf('.') > 0) {
            return null;
        }
        if (argument instanceof ListNode list && list.size() == 2 && isText(list.get(0))) {
            return null;
        }
        return "takes a logical ID and an attribute name, as a list or as 'LogicalId.Attribute'";
    }

    private static boolean isText(Node node) {
        return node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.STRING
                && scalar.value() != null;
    }

    private static String describe(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode list) {
            return "a list of " + list.size() + (list.size() == 1 ? " value" : " values");
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.kind()) {
            case STRING -> "the text '" + scalar.value() + "'";
            case NUMBER, BOOLEAN -> "the value '" + scalar.value() + "'";
            case NULL -> "empty";
        };
    }
}
