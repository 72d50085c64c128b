package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies an API's {@code Auth.DefaultAuthorizer} and {@code Auth.ApiKeyRequired} to the
 * operations of its own {@code DefinitionBody}, as the SAM translator does: each operation
 * without a {@code security} list gets one naming the default authorizer and, when a key is
 * required, {@code api_key}. Operations that declare {@code security} keep it.
 */
final class DefaultAuthorization {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options",
            "head", "patch", "trace", "x-amazon-apigateway-any-method");

    private DefaultAuthorization() {
    }

    /** Returns {@code body} with the API's default authorization applied, or it unchanged. */
    static Node apply(Node body, MapNode auth) {
        String authorizer = auth == null ? null : auth.getText("DefaultAuthorizer");
        boolean keyRequired = auth != null && "true".equalsIgnoreCase(
                auth.getText("ApiKeyRequired"));
        MapNode document = body.asMap();
        MapNode paths = document == null ? null : document.getMap("paths");
        if (paths == null || (authorizer == null || authorizer.equals("NONE")) && !keyRequired) {
            return body;
        }
        List<MapNode.Entry> pathEntries = new ArrayList<>();
        for (MapNode.Entry path : paths.entries()) {
            MapNode operations = path.value().asMap();
            pathEntries.add(operations == null ? path : new MapNode.Entry(path.key(),
                    path.keySpan(), withSecurity(operations, authorizer, keyRequired)));
        }
        return replace(document, "paths", new MapNode(pathEntries, paths.span()));
    }

    private static MapNode withSecurity(MapNode operations, String authorizer,
            boolean keyRequired) {
        List<MapNode.Entry> result = new ArrayList<>();
        for (MapNode.Entry entry : operations.entries()) {
            MapNode operation = entry.value().asMap();
            if (operation == null || !METHODS.contains(entry.key()) || operation.has("security")) {
                result.add(entry);
                continue;
            }
            List<Node> security = new ArrayList<>();
            if (authorizer != null && !authorizer.equals("NONE")) {
                security.add(Nodes.map(entry.keySpan(), authorizer,
                        Nodes.list(entry.keySpan(), List.of())));
            }
            if (keyRequired) {
                security.add(Nodes.map(entry.keySpan(), "api_key",
                        Nodes.list(entry.keySpan(), List.of())));
            }
            List<MapNode.Entry> fields = new ArrayList<>(operation.entries());
            fields.add(new MapNode.Entry("security", entry.keySpan(),
                    Nodes.list(entry.keySpan(), security)));
            result.add(new MapNode.Entry(entry.key(), entry.keySpan(),
                    new MapNode(fields, operation.span())));
        }
        return new MapNode(result, operations.span());
    }

    private static MapNode replace(MapNode map, String key, Node value) {
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : map.entries()) {
            entries.add(entry.key().equals(key)
                    ? new MapNode.Entry(key, entry.keySpan(), value) : entry);
        }
        return new MapNode(entries, map.span());
    }
}
