package dev.slens.rules.security;

import dev.slens.model.IncludedFile;
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

    /**
     * Adds a finding for each such operation. Findings on a document from a local
     * {@code DefinitionUri} go in that file, at the operation's line.
     */
    static void check(RuleContext context, Resource api, String fix, List<Finding> findings) {
        IncludedFile included = context.template().includedFile(api.logicalId(), "Body");
        MapNode document = included != null ? included.root()
                : OpenApiOperations.document(api.property("Body"));
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
                String message = "Operation '" + operation.verb() + " " + operation.path()
                        + "' of API '" + api.logicalId() + "' has no security requirement that"
                        + " names an authorizer or API key, so anyone can call it; " + fix
                        + " In SAM, set Auth.Authorizer on the event or Auth.DefaultAuthorizer"
                        + " on the API.";
                findings.add(included == null
                        ? context.finding(operation.span(), api.logicalId(), message)
                        : context.finding(included.file(), operation.span(), api.logicalId(),
                                message));
            }
        }
    }

    /** Returns whether the operation uses the {@code x-amazon-apigateway-auth} IAM extension. */
    private static boolean iamAuth(MapNode operation) {
        MapNode auth = operation.getMap("x-amazon-apigateway-auth");
        return auth != null && "AWS_IAM".equalsIgnoreCase(auth.getText("type"));
    }
}
