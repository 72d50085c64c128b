package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;

/**
 * One route that an {@code Api} or {@code HttpApi} event adds to an API: the path and method,
 * and what the route invokes.
 *
 * @param apiId the logical ID of the API, or {@code null} for the implicit API
 * @param http whether the event is {@code HttpApi} rather than {@code Api}
 * @param path the path, such as {@code /orders/{id}}, or {@code null} for the HTTP API's
 *     default route
 * @param method the method in lower case, {@code any} for every method
 * @param integration the {@code x-amazon-apigateway-integration} object of the route
 * @param properties the event's properties, for Auth and RequestParameters
 * @param span the event's key, where generated API parts point
 */
record ApiRoute(String apiId, boolean http, String path, String method, Node integration,
        MapNode properties, SourceSpan span) { }
