package dev.slens.rules.security;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the operations of an OpenAPI or Swagger document in an API's {@code Body}: the document
 * the user wrote in {@code DefinitionBody} or {@code Body}, the local {@code DefinitionUri}
 * that the loader inlined, or the one slens generated for SAM events. Spans point into that
 * document, so findings land on the operation the user wrote or the event it came from.
 */
final class OpenApiOperations {

    /** The key API Gateway reads for an operation that accepts every method. */
    static final String ANY_METHOD = "x-amazon-apigateway-any-method";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options",
            "head", "patch", "trace", ANY_METHOD);

    /**
     * One operation.
     *
     * @param path the path, such as {@code /orders/{id}}
     * @param method the method in lower case, or {@link #ANY_METHOD}
     * @param operation the operation object
     * @param span the operation's key
     */
    record Operation(String path, String method, MapNode operation, SourceSpan span) {

        /** Returns the method for messages: upper case, {@code ANY} for every method. */
        String verb() {
            return method.equals(ANY_METHOD) ? "ANY" : method.toUpperCase(Locale.ROOT);
        }

        /** Returns the integration's {@code type} in lower case, or null. */
        String integrationType() {
            MapNode integration = operation.getMap("x-amazon-apigateway-integration");
            String type = integration == null ? null : integration.getText("type");
            return type == null ? null : type.toLowerCase(Locale.ROOT);
        }
    }

    private OpenApiOperations() {
    }

    /** Returns the document in {@code body}, or null when it is absent or not a literal map. */
    static MapNode document(Node body) {
        MapNode document = body == null ? null : body.asMap();
        return document == null || document.intrinsicName() != null ? null : document;
    }

    /** Returns the operations of {@code document} in file order. */
    static List<Operation> of(MapNode document) {
        List<Operation> result = new ArrayList<>();
        MapNode paths = document == null ? null : document.getMap("paths");
        if (paths == null) {
            return result;
        }
        for (MapNode.Entry path : paths.entries()) {
            MapNode item = path.value().asMap();
            if (item == null) {
                continue;
            }
            for (MapNode.Entry entry : item.entries()) {
                MapNode operation = entry.value().asMap();
                String method = entry.key().toLowerCase(Locale.ROOT);
                if (operation != null && METHODS.contains(method)) {
                    result.add(new Operation(path.key(), method, operation, entry.keySpan()));
                }
            }
        }
        return result;
    }

    /** Returns the operation's {@code security}, else the document's, else null. */
    static ListNode security(MapNode document, Operation operation) {
        Node own = operation.operation().get("security");
        Node security = own != null ? own : document.get("security");
        return security == null ? null : security.asList();
    }
}
