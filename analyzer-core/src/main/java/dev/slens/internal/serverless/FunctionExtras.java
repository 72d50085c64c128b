package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.List;

/**
 * Expands the function settings that become resources of their own: {@code destinations} and
 * the retry settings into {@code <Function>LambdaEvConf}, {@code provisionedConcurrency} and
 * {@code snapStart} into an alias of the function's version, and {@code url} into a function
 * URL with its permission.
 */
final class FunctionExtras {

    private final ServiceModel model;
    private final RoleBuilder roles;
    private final String name;
    private final String normalized;
    private final SourceSpan at;
    private final MapNode function;

    FunctionExtras(ServiceModel model, RoleBuilder roles, String name, SourceSpan at,
            MapNode function) {
        this.model = model;
        this.roles = roles;
        this.name = name;
        this.normalized = Naming.function(name);
        this.at = at;
        this.function = function;
    }

    void expand() {
        invokeConfig();
        provisionedConcurrency();
        snapStartAlias();
        url();
    }

    private void invokeConfig() {
        MapNode.Entry entry = ServiceModel.entry(function, "destinations");
        MapNode destinations = entry == null ? null : entry.value().asMap();
        Node maxAge = first(ServiceModel.value(function, "maximumEventAge"),
                destinations == null ? null : destinations.get("maximumEventAge"));
        Node retries = first(ServiceModel.value(function, "maximumRetryAttempts"),
                destinations == null ? null : destinations.get("maximumRetryAttempts"));
        if (destinations == null && maxAge == null && retries == null) {
            return;
        }
        SourceSpan span = entry != null ? entry.keySpan() : at;
        MapNode.Entry success = destinations == null ? null : destinations.entry("onSuccess");
        MapNode.Entry failure = destinations == null ? null : destinations.entry("onFailure");
        MapNode config = Nodes.map(span,
                "OnSuccess", destination(success),
                "OnFailure", destination(failure));
        model.add(normalized + "LambdaEvConf", "AWS::Lambda::EventInvokeConfig", Nodes.map(span,
                "FunctionName", Nodes.ref(Naming.lambda(name), span),
                "DestinationConfig", config.size() == 0 ? null : config,
                "Qualifier", Nodes.text("$LATEST", span),
                "MaximumEventAgeInSeconds", maxAge,
                "MaximumRetryAttempts", retries), span, name);
    }

    /**
     * Returns {@code {Destination: arn}} for a destination written as an ARN, as
     * {@code {type, arn}}, or as the name of another function of the service.
     */
    private Node destination(MapNode.Entry entry) {
        if (entry == null || ServiceModel.isNull(entry.value())) {
            return null;
        }
        Node value = entry.value();
        if (value.asMap() != null && value.intrinsicName() == null) {
            value = value.asMap().get("arn");
        }
        if (value == null) {
            return null;
        }
        String text = value.text();
        Node arn = value;
        if (text != null && !text.startsWith("arn:")) {
            MapNode functions = model.root().getMap("functions");
            arn = functions != null && functions.has(text)
                    ? ServiceModel.functionArn(text, value.span()) : value;
        }
        String action = text != null && text.contains(":sqs:") ? "sqs:SendMessage"
                : text != null && text.contains(":sns:") ? "sns:Publish"
                : text != null && text.contains(":events:") ? "events:PutEvents"
                : "lambda:InvokeFunction";
        roles.addStatement(name, RoleBuilder.statement(entry.keySpan(), action, arn));
        return Nodes.map(entry.keySpan(), "Destination", arn);
    }

    /**
     * Adds the alias that carries {@code provisionedConcurrency}, written as a number or as
     * {@code {executions, alias}}. As the framework writes it, the alias is named
     * {@code provisioned} unless {@code alias} is set, and points at the function's generated
     * version.
     */
    private void provisionedConcurrency() {
        MapNode.Entry entry = ServiceModel.entry(function, "provisionedConcurrency");
        if (entry == null || !FunctionVersions.isSet(entry.value())) {
            return;
        }
        SourceSpan span = entry.keySpan();
        MapNode settings = entry.value().asMap();
        Node executions = settings == null ? entry.value() : settings.get("executions");
        Node alias = settings == null ? null : ServiceModel.value(settings, "alias");
        String aliasName = alias == null || alias.text() == null ? "provisioned" : alias.text();
        String aliasId = aliasName.equals("provisioned") ? normalized + "ProvConcLambdaAlias"
                : normalized + "ProvConc" + Naming.function(aliasName) + "LambdaAlias";
        model.add(aliasId, "AWS::Lambda::Alias", Nodes.map(span,
                "FunctionName", Nodes.ref(Naming.lambda(name), span),
                "FunctionVersion", Nodes.getAtt(Naming.version(name), "Version", span),
                "Name", alias == null ? Nodes.text(aliasName, span) : alias,
                "ProvisionedConcurrencyConfig", Nodes.map(span,
                        "ProvisionedConcurrentExecutions", executions)), span, name,
                Nodes.map(span, "DependsOn", Nodes.text(Naming.lambda(name), span)));
    }

    /** Adds the alias {@code snapstart} that the framework points at a SnapStart version. */
    private void snapStartAlias() {
        MapNode.Entry entry = ServiceModel.entry(function, "snapStart");
        if (entry == null || !FunctionVersions.isSet(entry.value())) {
            return;
        }
        SourceSpan span = entry.keySpan();
        model.add(normalized + "SnapStartLambdaAlias", "AWS::Lambda::Alias", Nodes.map(span,
                "FunctionName", Nodes.ref(Naming.lambda(name), span),
                "FunctionVersion", Nodes.getAtt(Naming.version(name), "Version", span),
                "Name", Nodes.text("snapstart", span)), span, name,
                Nodes.map(span, "DependsOn", Nodes.text(Naming.lambda(name), span)));
    }

    private void url() {
        MapNode.Entry entry = ServiceModel.entry(function, "url");
        if (entry == null || "false".equals(entry.value().text())) {
            return;
        }
        SourceSpan span = entry.keySpan();
        MapNode settings = entry.value().asMap();
        String authorizer = settings == null ? null : ServiceModel.text(settings.get("authorizer"));
        boolean iam = "aws_iam".equals(authorizer);
        model.add(normalized + "LambdaFunctionUrl", "AWS::Lambda::Url", Nodes.map(span,
                "AuthType", Nodes.text(iam ? "AWS_IAM" : "NONE", span),
                "TargetFunctionArn", ServiceModel.functionArn(name, span),
                "InvokeMode", settings == null ? null : settings.get("invokeMode"),
                "Cors", settings == null ? null : cors(settings)), span, name);
        if (!iam) {
            model.add(normalized + "LambdaPermissionFnUrl", "AWS::Lambda::Permission",
                    Nodes.map(span,
                            "FunctionName", ServiceModel.functionArn(name, span),
                            "Action", Nodes.text("lambda:InvokeFunctionUrl", span),
                            "Principal", Nodes.text("*", span),
                            "FunctionUrlAuthType", Nodes.text("NONE", span)), span, name);
        }
    }

    /**
     * Returns the {@code Cors} of a URL from {@code url.cors}, with the framework's keys renamed
     * to CloudFormation's. {@code cors: true} allows any origin and method. A {@code cors} block
     * is merged with those values, so one without {@code allowedOrigins} or
     * {@code allowedMethods} allows any origin or method, and {@code null} removes the value.
     * The headers the framework allows by default are left out because no rule reads them.
     * NOTE: the merge follows the framework v3 documentation of function URLs; it was not
     * checked against a packaged template.
     */
    private static Node cors(MapNode settings) {
        MapNode.Entry entry = ServiceModel.entry(settings, "cors");
        if (entry == null) {
            return null;
        }
        SourceSpan span = entry.keySpan();
        if (ServiceModel.isTrue(entry.value())) {
            return Nodes.map(span,
                    "AllowOrigins", Nodes.list(span, List.of(Nodes.text("*", span))),
                    "AllowMethods", Nodes.list(span, List.of(Nodes.text("*", span))));
        }
        MapNode cors = entry.value().asMap();
        return cors == null ? null : Nodes.map(span,
                "AllowCredentials", cors.get("allowCredentials"),
                "AllowHeaders", cors.get("allowedHeaders"),
                "AllowMethods", orAny(cors, "allowedMethods", span),
                "AllowOrigins", orAny(cors, "allowedOrigins", span),
                "ExposeHeaders", cors.get("exposedResponseHeaders"),
                "MaxAge", cors.get("maxAge"));
    }

    /** Returns the value of {@code key}, {@code ['*']} when absent, or null when null. */
    private static Node orAny(MapNode cors, String key, SourceSpan span) {
        if (!cors.has(key)) {
            return Nodes.list(span, List.of(Nodes.text("*", span)));
        }
        return ServiceModel.isNull(cors.get(key)) ? null : cors.get(key);
    }

    private static Node first(Node a, Node b) {
        return a != null ? a : b;
    }
}
