package dev.slens.rules.reliability;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads from an OpenAPI document of a REST API whether every operation requires an API key.
 * API Gateway imports an operation as {@code ApiKeyRequired: true} when each of its security
 * requirements names the API key scheme: type {@code apiKey} in the {@code x-api-key} header,
 * not a Lambda authorizer or IAM signing. The schemes are read from
 * {@code securityDefinitions} (Swagger 2.0) and {@code components.securitySchemes}
 * (OpenAPI 3).
 */
final class OpenApiKeys {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "head",
            "patch", "trace", "x-amazon-apigateway-any-method");
    private static final Set<String> KEY_SOURCES = Set.of("HEADER", "AUTHORIZER");

    private OpenApiKeys() {
    }

    /**
     * Returns whether {@code document} has operations and each requires an API key. CORS
     * preflight ({@code options}) operations are left out, because API Gateway replies to them
     * without calling a backend. An {@code x-amazon-apigateway-api-key-source} other than
     * {@code HEADER} or {@code AUTHORIZER} makes the result false, since API Gateway cannot
     * import such a document.
     */
    static boolean everyOperationRequiresKey(MapNode document) {
        Node source = document.get("x-amazon-apigateway-api-key-source");
        if (source != null && (source.text() == null
                || !KEY_SOURCES.contains(source.text().toUpperCase(Locale.ROOT)))) {
            return false;
        }
        MapNode paths = document.getMap("paths");
        boolean found = false;
        for (MapNode.Entry path : paths == null ? List.<MapNode.Entry>of()
                : paths.entries()) {
            MapNode item = path.value().asMap();
            for (MapNode.Entry entry : item == null ? List.<MapNode.Entry>of()
                    : item.entries()) {
                MapNode operation = entry.value().asMap();
                if (operation == null
                        || !METHODS.contains(entry.key().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                found = true;
                Node own = operation.get("security");
                Node security = own != null ? own : document.get("security");
                if (!requiresKey(document, security == null ? null : security.asList())) {
                    return false;
                }
            }
        }
        return found;
    }

    /** Returns whether every alternative of a security requirement list names an API key. */
    private static boolean requiresKey(MapNode document, ListNode requirements) {
        if (requirements == null || requirements.size() == 0) {
            return false;
        }
        for (Node item : requirements.items()) {
            MapNode requirement = item.asMap();
            if (requirement == null || requirement.keys().stream()
                    .noneMatch(name -> isApiKey(scheme(document, name)))) {
                return false;
            }
        }
        return true;
    }

    private static MapNode scheme(MapNode document, String name) {
        MapNode swagger = document.getMap("securityDefinitions");
        MapNode components = document.getMap("components");
        MapNode openApi = components == null ? null : components.getMap("securitySchemes");
        MapNode found = swagger == null ? null : swagger.getMap(name);
        return found != null || openApi == null ? found : openApi.getMap(name);
    }

    /**
     * Returns whether a security scheme is API Gateway's API key: type {@code apiKey} in the
     * {@code x-api-key} header, and neither an authorizer nor IAM signing, which are written
     * as {@code apiKey} schemes too.
     */
    private static boolean isApiKey(MapNode scheme) {
        return scheme != null && "apiKey".equals(scheme.getText("type"))
                && "x-api-key".equalsIgnoreCase(scheme.getText("name"))
                && "header".equals(scheme.getText("in"))
                && scheme.get("x-amazon-apigateway-authorizer") == null
                && scheme.get("x-amazon-apigateway-authtype") == null;
    }
}
