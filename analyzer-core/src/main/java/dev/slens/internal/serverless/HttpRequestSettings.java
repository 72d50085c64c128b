package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Expands the {@code request} block of an {@code http} event into the method's request
 * parameters and validator, as the Serverless Framework v3 writes them. Each name under
 * {@code request.parameters.querystrings}, {@code headers} or {@code paths} becomes a
 * {@code method.request.*} parameter, required when its value is {@code true} or
 * {@code {required: true}}. A {@code request.schemas} map attaches the service's one request
 * validator, which checks both the body and the parameters.
 */
final class HttpRequestSettings {

    private static final Map<String, String> LOCATIONS = Map.of("querystrings", "querystring",
            "headers", "header", "paths", "path");

    private HttpRequestSettings() {
    }

    /** Returns the method's {@code RequestParameters} for the event's {@code request}. */
    static MapNode parameters(MapNode settings, SourceSpan at) {
        MapNode request = request(settings);
        MapNode parameters = request == null ? null : request.getMap("parameters");
        List<MapNode.Entry> entries = new ArrayList<>();
        if (parameters != null) {
            for (MapNode.Entry group : parameters.entries()) {
                String location = LOCATIONS.get(group.key());
                MapNode names = group.value().asMap();
                if (location == null || names == null) {
                    continue;
                }
                for (MapNode.Entry name : names.entries()) {
                    entries.add(new MapNode.Entry("method.request." + location + "." + name.key(),
                            name.keySpan(), ServiceModel.bool(required(name.value()),
                                    name.keySpan())));
                }
            }
        }
        return new MapNode(entries, at);
    }

    /**
     * Returns a {@code Ref} to the service's request validator when the event sets
     * {@code request.schemas}, else null. The validator is added to the model once, and
     * {@code created} records the logical IDs added so far.
     */
    static Node validator(ServiceModel model, MapNode settings, String restApi,
            Set<String> created) {
        MapNode request = request(settings);
        MapNode.Entry schemas = request == null ? null : request.entry("schemas");
        if (schemas == null || schemas.value().asMap() == null
                || schemas.value().asMap().size() == 0) {
            return null;
        }
        SourceSpan at = schemas.keySpan();
        String id = "ApiGateway" + Naming.alphaNumeric(model.service()) + "RequestValidator";
        if (created.add(id)) {
            model.add(id, "AWS::ApiGateway::RequestValidator", Nodes.map(at,
                    "RestApiId", Nodes.ref(restApi, at),
                    "ValidateRequestBody", ServiceModel.bool(true, at),
                    "ValidateRequestParameters", ServiceModel.bool(true, at),
                    "Name", Nodes.text(model.service() + "-" + model.stage()
                            + " | Validate request body and querystring parameters", at)),
                    at, null);
        }
        return Nodes.ref(id, at);
    }

    private static MapNode request(MapNode settings) {
        return settings == null ? null : settings.getMap("request");
    }

    private static boolean required(Node value) {
        MapNode map = value.asMap();
        return map != null ? ServiceModel.isTrue(map.get("required")) : ServiceModel.isTrue(value);
    }
}
