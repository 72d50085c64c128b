package dev.slens.rules.security;

import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import java.util.List;

/**
 * Finds the operations of an API's OpenAPI {@code Body} that anyone may call: no security
 * requirement of their own or of the document, or only {@code NONE} or an empty requirement.
 * CORS preflight ({@code options}) and mock integrations are left out, because nothing behind
 * them runs.
 */
final class OpenApiSecurity {

    private OpenApiSecurity() {
    }

    static void check(RuleContext context, Resource api, String fix, List<Finding> findings) {
        MapNode document = OpenApiOperations.document(api.property("Body"));
        if (document == null) {
            return;
        }
        for (OpenApiOperations.Operation operation : OpenApiOperations.of(document)) {
            if (operation.method().equals("options") || "mock".equals(
                    operation.integrationType()) || iamAuth(operation.operation())) {
                continue;
            }
            if (!ApiGatewayAuthorizationRule.protects(
                    OpenApiOperations.security(document, operation))) {
                findings.add(context.finding(operation.span(), api.logicalId(), "Operation '"
                        + operation.verb() + " " + operation.path() + "' of API '"
                        + api.logicalId() + "' has no security requirement that names an"
                        + " authorizer or API key, so anyone can call it; " + fix
                        + " In SAM, set Auth.Authorizer on the event or Auth.DefaultAuthorizer"
                        + " on the API."));
            }
        }
    }

    /** Returns whether the operation uses the {@code x-amazon-apigateway-auth} IAM extension. */
    private static boolean iamAuth(MapNode operation) {
        MapNode auth = operation.getMap("x-amazon-apigateway-auth");
        return auth != null && "AWS_IAM".equalsIgnoreCase(auth.getText("type"));
    }
}
