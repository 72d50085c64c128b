package dev.slens.index;

import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;

/**
 * One API Gateway route or method that calls a function and waits for its response.
 *
 * @param kind the kind of API, which sets how long API Gateway waits
 * @param via the resource that wires the call: a method, an integration, an API whose OpenAPI
 *     body names the function, or the SAM function whose event does
 * @param span where the call is written: the integration URI, the OpenAPI integration or the
 *     SAM event
 * @param timeoutMillis the integration's own {@code TimeoutInMillis}, or {@code null} when it
 *     keeps the API's default
 */
public record ApiIntegration(Kind kind, Resource via, SourceSpan span, Node timeoutMillis) {

    /** The kind of API Gateway API. */
    public enum Kind {
        /** A REST API (API Gateway v1), SAM {@code Api} event, Serverless {@code http} event. */
        REST("REST API"),
        /** An HTTP API (v2), SAM {@code HttpApi} event, Serverless {@code httpApi} event. */
        HTTP("HTTP API"),
        /** A WebSocket API (v2). */
        WEBSOCKET("WebSocket API");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Returns the name used in messages, such as "REST API". */
        public String label() {
            return label;
        }
    }
}
