package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in SAM's short destination form: an {@code OnSuccess} or {@code OnFailure} with
 * {@code Type: SQS} or {@code SNS} and no {@code Destination} makes the translator create the
 * queue or topic, named {@code <Function>EventInvokeConfigOnFailureQueue} and so on. A
 * {@code Destination} written as an {@code Fn::If} with {@code AWS::NoValue} in one branch
 * creates it too, under the condition of that branch.
 */
final class SamDestinations {

    private final String functionId;
    private final String condition;
    private final List<Resource> out;
    private final SamContext context;

    SamDestinations(SamContext context, String functionId, String condition,
            List<Resource> out) {
        this.context = context;
        this.functionId = functionId;
        this.condition = condition;
        this.out = out;
    }

    MapNode complete(MapNode destinations) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : destinations.entries()) {
            MapNode target = entry.value().asMap();
            if (target == null || target.intrinsicName() != null) {
                entries.add(entry);
                continue;
            }
            String type = target.getText("Type");
            boolean creatable = "SQS".equals(type) || "SNS".equals(type);
            Node destination = target.get("Destination");
            if (creatable && (destination == null || noValueBranch(destination) > 0)) {
                entries.add(new MapNode.Entry(entry.key(), entry.keySpan(), Nodes.map(
                        target.span(), "Destination", create(entry, type, destination))));
            } else if (destination != null) {
                // The translator drops the SAM-only Type once the destination is known.
                entries.add(new MapNode.Entry(entry.key(), entry.keySpan(), Nodes.map(
                        target.span(), "Destination", destination)));
            } else {
                entries.add(entry);
            }
        }
        return new MapNode(entries, destinations.span());
    }

    /**
     * Creates the queue or topic of {@code entry} and returns its ARN as the destination. With
     * {@code conditional}, an {@code Fn::If} with {@code AWS::NoValue} in one branch, the
     * resource exists only when the {@code AWS::NoValue} branch is taken, as the translator
     * creates it (and, for a function with a {@code Condition}, only when that condition is
     * true too), and the result is an {@code Fn::If} between its ARN and the other branch.
     */
    private Node create(MapNode.Entry entry, String type, Node conditional) {
        String suffix = type.equals("SNS") ? "Topic" : "Queue";
        String created = functionId + "EventInvokeConfig" + entry.key() + suffix;
        String resourceType = type.equals("SNS") ? "AWS::SNS::Topic" : "AWS::SQS::Queue";
        SourceSpan at = entry.keySpan();
        Node arn = type.equals("SNS") ? Nodes.ref(created, at) : Nodes.getAtt(created, "Arn", at);
        if (conditional == null) {
            out.add(new Resource(created, resourceType, Nodes.map(at), at, condition,
                    functionId));
            return arn;
        }
        ListNode parts = conditional.asMap().get("Fn::If").asList();
        String written = parts.items().get(0).text();
        int noValue = noValueBranch(conditional);
        Node other = parts.items().get(noValue == 1 ? 2 : 1);
        String branch = noValue == 1 ? written : context.negatedCondition(written,
                conditional.span());
        // The resource exists when the function does and the branch is taken. The Fn::If in
        // the invoke config needs only the branch's condition, because the invoke config
        // already has the function's.
        String exists = condition == null ? branch
                : context.conjunction(condition, branch, conditional.span());
        out.add(new Resource(created, resourceType, Nodes.map(at), at, exists, functionId));
        return Nodes.map(conditional.span(), "Fn::If", Nodes.list(conditional.span(),
                List.of(Nodes.text(branch, conditional.span()), arn, other)));
    }

    /**
     * Returns 1 or 2 when {@code node} is an {@code Fn::If} on a named condition whose first or
     * second branch is {@code AWS::NoValue} and whose other branch is not, else 0.
     */
    private static int noValueBranch(Node node) {
        if (!"Fn::If".equals(node.intrinsicName())) {
            return 0;
        }
        ListNode parts = node.asMap().get("Fn::If").asList();
        if (parts == null || parts.size() != 3 || parts.items().get(0).text() == null) {
            return 0;
        }
        boolean first = isNoValue(parts.items().get(1));
        boolean second = isNoValue(parts.items().get(2));
        if (first == second) {
            return 0;
        }
        return first ? 1 : 2;
    }

    private static boolean isNoValue(Node node) {
        return "Ref".equals(node.intrinsicName())
                && "AWS::NoValue".equals(node.asMap().getText("Ref"));
    }
}
