package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import java.util.List;
import java.util.Locale;

/**
 * Compiles the HTTP API settings that the framework turns into properties of the API and its
 * routes: {@code provider.httpApi.cors} and the {@code authorizer} of an {@code httpApi} event.
 */
final class HttpApiSettings {

    private HttpApiSettings() {
    }

    /**
     * Returns the API's {@code CorsConfiguration}, or null without {@code httpApi.cors}.
     * {@code cors: true}, and a map without {@code allowedOrigins}, allow every origin.
     */
    static Node cors(ServiceModel model) {
        MapNode.Entry cors = model.providerEntry("httpApi", "cors");
        if (cors == null || "false".equals(cors.value().text())) {
            return null;
        }
        MapNode settings = cors.value().asMap();
        Node origins = settings == null ? null : settings.get("allowedOrigins");
        if (origins == null) {
            origins = Nodes.list(cors.keySpan(), List.of(Nodes.text("*", cors.keySpan())));
        }
        return Nodes.map(cors.keySpan(),
                "AllowOrigins", origins,
                "AllowCredentials", settings == null ? null : settings.get("allowCredentials"));
    }

    /**
     * Returns the route's {@code AuthorizationType}: {@code AWS_IAM} for {@code type: aws_iam},
     * {@code CUSTOM} for a provider authorizer of {@code type: request}, {@code JWT} for other
     * authorizers, and null without one, which CloudFormation reads as {@code NONE}.
     */
    static Node authorizationType(ServiceModel model, MapNode.Entry authorizer) {
        if (authorizer == null) {
            return null;
        }
        Node value = authorizer.value();
        String type = value.asMap() == null ? null : value.asMap().getText("type");
        if (type != null && type.toLowerCase(Locale.ROOT).equals("aws_iam")) {
            return Nodes.text("AWS_IAM", value.span());
        }
        String name = name(value);
        Node declared = name == null ? null
                : ServiceModel.value(model.provider(), "httpApi", "authorizers", name, "type");
        boolean request = declared != null && "request".equalsIgnoreCase(declared.text());
        return Nodes.text(request ? "CUSTOM" : "JWT", value.span());
    }

    /** Returns the {@code Ref} to the authorizer the event names, or its external ID. */
    static Node authorizerId(MapNode.Entry authorizer) {
        if (authorizer == null) {
            return null;
        }
        Node value = authorizer.value();
        if (value.asMap() != null && value.asMap().get("id") != null) {
            return value.asMap().get("id");
        }
        String name = name(value);
        return name == null ? null : Nodes.ref("HttpApiAuthorizer" + Naming.function(name),
                value.span());
    }

    private static String name(Node value) {
        return value.text() != null ? value.text()
                : value.asMap() == null ? null : value.asMap().getText("name");
    }
}
