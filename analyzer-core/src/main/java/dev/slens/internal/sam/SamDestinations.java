package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in SAM's short destination form: an {@code OnSuccess} or {@code OnFailure} with
 * {@code Type: SQS} or {@code SNS} and no {@code Destination} makes the translator create the
 * queue or topic, named {@code <Function>EventInvokeConfigOnFailureQueue} and so on.
 */
final class SamDestinations {

    private final String functionId;
    private final String condition;
    private final List<Resource> out;

    SamDestinations(String functionId, String condition, List<Resource> out) {
        this.functionId = functionId;
        this.condition = condition;
        this.out = out;
    }

    MapNode complete(MapNode destinations) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : destinations.entries()) {
            MapNode target = entry.value().asMap();
            if (target != null && target.has("Destination") && target.intrinsicName() == null) {
                // The translator drops the SAM-only Type once the destination is known.
                entries.add(new MapNode.Entry(entry.key(), entry.keySpan(), Nodes.map(
                        target.span(), "Destination", target.get("Destination"))));
                continue;
            }
            if (target == null || target.getText("Type") == null) {
                entries.add(entry);
                continue;
            }
            String type = target.getText("Type");
            String suffix = type.equals("SNS") ? "Topic" : "Queue";
            String created = functionId + "EventInvokeConfig" + entry.key() + suffix;
            String resourceType = type.equals("SNS") ? "AWS::SNS::Topic" : "AWS::SQS::Queue";
            out.add(new Resource(created, resourceType, Nodes.map(entry.keySpan()),
                    entry.keySpan(), condition, functionId));
            Node arn = type.equals("SNS") ? Nodes.ref(created, entry.keySpan())
                    : Nodes.getAtt(created, "Arn", entry.keySpan());
            entries.add(new MapNode.Entry(entry.key(), entry.keySpan(),
                    Nodes.map(target.span(), "Destination", arn)));
        }
        return new MapNode(entries, destinations.span());
    }
}
