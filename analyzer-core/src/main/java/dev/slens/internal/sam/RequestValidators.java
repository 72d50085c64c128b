package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the request validation parts of a REST API's generated OpenAPI document from the
 * {@code RequestModel} and {@code RequestParameters} of {@code Api} events, as the SAM translator
 * writes them. An event whose {@code RequestModel} sets {@code ValidateBody} or
 * {@code ValidateParameters} gets an {@code x-amazon-apigateway-request-validator}, and a flag
 * it leaves out counts as {@code false}. {@code RequestParameters} alone adds parameters but no
 * validator, so API Gateway does not check them.
 */
final class RequestValidators {

    /** The validators used so far, by name, in the order the events use them. */
    private final Map<String, MapNode> used = new LinkedHashMap<>();

    /** Returns the validator name for the route, recording its definition, or null. */
    String validatorOf(ApiRoute route) {
        MapNode model = route.properties().getMap("RequestModel");
        if (model == null || !model.has("ValidateBody") && !model.has("ValidateParameters")) {
            return null;
        }
        boolean body = isTrue(model.get("ValidateBody"));
        boolean parameters = isTrue(model.get("ValidateParameters"));
        String name = body && parameters ? "body-and-params" : body ? "body-only"
                : parameters ? "params-only" : "no-validation";
        SourceSpan at = route.span();
        used.putIfAbsent(name, Nodes.map(at,
                "validateRequestBody", bool(body, at),
                "validateRequestParameters", bool(parameters, at)));
        return name;
    }

    /** Returns the {@code x-amazon-apigateway-request-validators} map, or null when unused. */
    MapNode definitions(SourceSpan at) {
        if (used.isEmpty()) {
            return null;
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        used.forEach((name, definition) -> entries.add(new MapNode.Entry(name, at, definition)));
        return new MapNode(entries, at);
    }

    /**
     * Returns the OpenAPI parameters of the route's {@code RequestParameters}, or null. An item
     * is either a name such as {@code method.request.querystring.page} or a map from the name
     * to its settings, of which {@code Required} is read.
     */
    static ListNode parameters(ApiRoute route) {
        Node node = route.properties().get("RequestParameters");
        ListNode items = node == null ? null : node.asList();
        if (items == null) {
            return null;
        }
        List<Node> result = new ArrayList<>();
        for (Node item : items.items()) {
            MapNode map = item.asMap();
            if (item.text() != null) {
                add(result, item.text(), false, item.span());
            } else if (map != null && map.intrinsicName() == null) {
                for (MapNode.Entry entry : map.entries()) {
                    MapNode settings = entry.value().asMap();
                    add(result, entry.key(), settings != null && isTrue(settings.get("Required")),
                            entry.keySpan());
                }
            }
        }
        return result.isEmpty() ? null : Nodes.list(route.span(), result);
    }

    private static void add(List<Node> result, String name, boolean required, SourceSpan at) {
        String[] parts = name.split("\\.", 4);
        if (parts.length < 4 || !parts[0].equals("method") || !parts[1].equals("request")) {
            return;
        }
        String location = parts[2].equals("querystring") ? "query" : parts[2];
        result.add(Nodes.map(at,
                "in", Nodes.text(location, at),
                "name", Nodes.text(parts[3], at),
                "required", bool(required, at),
                "type", Nodes.text("string", at)));
    }

    private static boolean isTrue(Node node) {
        return node != null && "true".equalsIgnoreCase(node.text());
    }

    private static ScalarNode bool(boolean value, SourceSpan at) {
        return new ScalarNode(Boolean.toString(value), ScalarNode.Kind.BOOLEAN, at);
    }
}
