package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the {@code authorizer} of an {@code http} event into the method's
 * {@code AuthorizationType} and {@code AuthorizerId}, and adds the
 * {@code <Name>ApiGatewayAuthorizer} the framework creates for an authorizer function or a
 * Cognito user pool. {@code aws_iam}, written alone or as {@code type}, in any case, is IAM
 * authorization with no authorizer resource.
 */
final class RestAuthorizers {

    private final ServiceModel model;
    private final Set<String> created = new HashSet<>();

    RestAuthorizers(ServiceModel model) {
        this.model = model;
    }

    /** The method settings an authorizer gives: its type and the authorizer it calls. */
    record Method(Node authorizationType, Node authorizerId) { }

    /** Returns the method settings of {@code authorizer}, or NONE when it is absent. */
    Method method(MapNode.Entry authorizer, String function, SourceSpan at) {
        if (authorizer == null || ServiceModel.isNull(authorizer.value())) {
            return new Method(Nodes.text("NONE", at), null);
        }
        Node value = authorizer.value();
        SourceSpan span = value.span();
        MapNode settings = value.asMap();
        String type = settings == null ? null : ServiceModel.text(settings.get("type"));
        String text = value.text();
        if ("aws_iam".equalsIgnoreCase(text) || "aws_iam".equalsIgnoreCase(type)) {
            return new Method(Nodes.text("AWS_IAM", span), null);
        }

        Node id = settings == null ? null : settings.get("authorizerId");
        if (id != null) {
            boolean cognito = "cognito_user_pools".equalsIgnoreCase(type);
            return new Method(Nodes.text(cognito ? "COGNITO_USER_POOLS" : "CUSTOM", span), id);
        }

        // A function name or ARN, or a Cognito user pool ARN: the framework adds an authorizer.
        Node arn = settings != null ? settings.get("arn")
                : text != null && text.startsWith("arn:") ? value : null;
        String name = settings == null ? (arn == null ? text : null)
                : ServiceModel.text(settings.get("name"));
        if (name == null && arn != null && arn.text() != null) {
            String[] parts = arn.text().split("[:/]");
            name = parts[parts.length - 1];
        }
        if (name == null) {
            return new Method(Nodes.text("CUSTOM", span), null);
        }

        boolean cognito = "cognito_user_pools".equalsIgnoreCase(type)
                || arn != null && arn.text() != null && arn.text().contains(":cognito-idp:");
        String kind = cognito ? "COGNITO_USER_POOLS"
                : "request".equalsIgnoreCase(type) ? "REQUEST" : "TOKEN";
        String logicalId = Naming.alphaNumeric(Naming.function(name)) + "ApiGatewayAuthorizer";
        if (created.add(logicalId)) {
            model.add(logicalId, "AWS::ApiGateway::Authorizer", Nodes.map(span,
                    "Name", Nodes.text(name, span),
                    "RestApiId", Nodes.ref(Naming.REST_API, span),
                    "Type", Nodes.text(kind, span),
                    "ProviderARNs", cognito && arn != null ? Nodes.list(span, List.of(arn))
                            : null), span, function);
        }
        String authorization = cognito ? "COGNITO_USER_POOLS" : "CUSTOM";
        return new Method(Nodes.text(authorization, span), Nodes.ref(logicalId, span));
    }
}
