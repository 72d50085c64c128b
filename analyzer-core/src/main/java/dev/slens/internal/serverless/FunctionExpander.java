package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Expands one entry of {@code functions:} into the function, its log group and the resources of
 * its settings ({@code destinations}, {@code provisionedConcurrency}, {@code url}), with the
 * provider's defaults. A setting the user wrote keeps the span of its key. A default that the
 * framework adds takes the span of the function's key, so findings about it point there.
 */
final class FunctionExpander {

    /** The framework's defaults (v3 and v4) when neither the function nor the provider sets one. */
    static final String DEFAULT_MEMORY = "1024";
    static final String DEFAULT_TIMEOUT = "6";
    /** Serverless Framework v3.40's default runtime; v4 defaults to a newer one. */
    static final String DEFAULT_RUNTIME_V3 = "nodejs16.x";
    static final String DEFAULT_RUNTIME_V4 = "nodejs20.x";

    private final ServiceModel model;
    private final RoleBuilder roles;
    private final ApiEvents apis;
    private final String name;
    private final SourceSpan at;
    private final MapNode function;
    private final List<MapNode.Entry> properties = new ArrayList<>();

    FunctionExpander(ServiceModel model, RoleBuilder roles, ApiEvents apis, MapNode.Entry entry) {
        this.model = model;
        this.roles = roles;
        this.apis = apis;
        this.name = entry.key();
        this.at = entry.keySpan();
        this.function = entry.value().asMap() == null ? Nodes.map(at) : entry.value().asMap();
    }

    void expand() {
        String functionName = deployedName();
        LambdaLogging logging = new LambdaLogging(model, function);
        if (!ServiceModel.isTrue(function.get("disableLogs")) && !logging.namesLogGroup()) {
            logGroup(functionName);
        }
        code();
        put("FunctionName", Nodes.text(functionName, at), at);
        copy("MemorySize", "memorySize", DEFAULT_MEMORY);
        copy("Timeout", "timeout", DEFAULT_TIMEOUT);
        put("Description", ServiceModel.value(function, "description"), at);
        environment();
        put("Role", roles.roleFor(name, function, at), at);
        tracing();
        vpc();
        architecture();
        copy("Layers", "layers", null);
        copy("KmsKeyArn", "kmsKeyArn", null);
        setting("ReservedConcurrentExecutions",
                ServiceModel.entry(function, "reservedConcurrency"));
        onError();
        ephemeralStorage();
        put("LoggingConfig", logging.config(), logging.span());
        snapStart();
        recursiveLoop();
        tags();
        model.add(Naming.lambda(name), "AWS::Lambda::Function", new MapNode(properties, at), at,
                name);
        new FunctionVersions(model).expand(name, at, function);
        new FunctionExtras(model, roles, name, at, function).expand();
        new EventExpander(model, roles, apis, name, function).expandAll();
    }

    /** Returns the name the function is deployed as: {@code name}, else service-stage-key. */
    String deployedName() {
        return model.deployedName(name, function);
    }

    private void logGroup(String functionName) {
        MapNode.Entry retention = ServiceModel.entry(function, "logRetentionInDays");
        if (retention == null) {
            retention = model.providerEntry("logRetentionInDays");
        }
        model.add(Naming.logGroup(name), "AWS::Logs::LogGroup", Nodes.map(at,
                "LogGroupName", Nodes.text("/aws/lambda/" + functionName, at),
                "RetentionInDays", retention == null ? null : retention.value()), at, name);
    }

    private void code() {
        MapNode.Entry image = ServiceModel.entry(function, "image");
        if (image != null) {
            Node uri = image.value().asMap() != null ? image.value().asMap().get("uri")
                    : image.value();
            put("Code", Nodes.map(image.keySpan(), "ImageUri", uri), image.keySpan());
            put("PackageType", Nodes.text("Image", image.keySpan()), image.keySpan());
            return;
        }
        MapNode.Entry artifact = ServiceModel.entry(function, "package", "artifact");
        put("Code", Nodes.map(at,
                "S3Bucket", Nodes.ref(Naming.DEPLOYMENT_BUCKET, at),
                "S3Key", artifact != null ? artifact.value()
                        : Nodes.text(model.service() + ".zip", at)), at);
        setting("Handler", ServiceModel.entry(function, "handler"));
        MapNode.Entry runtime = ServiceModel.entry(function, "runtime");
        if (runtime == null) {
            runtime = model.providerEntry("runtime");
        }
        if (runtime != null) {
            setting("Runtime", runtime);
        } else {
            boolean v4 = "4".equals(ServiceModel.text(model.root().get("frameworkVersion")));
            put("Runtime", Nodes.text(v4 ? DEFAULT_RUNTIME_V4 : DEFAULT_RUNTIME_V3, at), at);
        }
    }

    private void copy(String property, String key, String fallback) {
        MapNode.Entry entry = ServiceModel.entry(function, key);
        if (entry == null) {
            entry = model.providerEntry(key);
        }
        if (entry != null) {
            setting(property, entry);
        } else if (fallback != null) {
            put(property, ServiceModel.number(fallback, at), at);
        }
    }

    private void environment() {
        Map<String, MapNode.Entry> variables = new LinkedHashMap<>();
        SourceSpan span = null;
        for (MapNode.Entry source : new MapNode.Entry[] {model.providerEntry("environment"),
                ServiceModel.entry(function, "environment")}) {
            if (source != null && source.value().asMap() != null) {
                source.value().asMap().entries().forEach(e -> variables.put(e.key(), e));
                span = source.keySpan();
            }
        }
        if (span != null) {
            put("Environment", Nodes.map(span, "Variables",
                    new MapNode(variables.values(), span)), span);
        }
    }

    private void tracing() {
        MapNode.Entry entry = ServiceModel.entry(function, "tracing");
        if (entry == null) {
            entry = model.providerEntry("tracing", "lambda");
        }
        if (entry == null || "false".equals(entry.value().text())) {
            return;
        }
        Node value = entry.value();
        Node mode = "true".equals(value.text()) ? Nodes.text("Active", value.span()) : value;
        put("TracingConfig", Nodes.map(entry.keySpan(), "Mode", mode), entry.keySpan());
    }

    private void vpc() {
        MapNode.Entry entry = ServiceModel.entry(function, "vpc");
        if (entry == null) {
            entry = model.providerEntry("vpc");
        }
        MapNode vpc = entry == null ? null : entry.value().asMap();
        if (vpc != null) {
            put("VpcConfig", Nodes.map(entry.keySpan(),
                    "SecurityGroupIds", vpc.get("securityGroupIds"),
                    "SubnetIds", vpc.get("subnetIds"),
                    "Ipv6AllowedForDualStack", vpc.get("ipv6AllowedForDualStack")),
                    entry.keySpan());
        }
    }

    private void architecture() {
        MapNode.Entry entry = ServiceModel.entry(function, "architecture");
        if (entry == null) {
            entry = model.providerEntry("architecture");
        }
        if (entry != null) {
            put("Architectures", Nodes.list(entry.keySpan(), List.of(entry.value())),
                    entry.keySpan());
        }
    }

    private void onError() {
        MapNode.Entry entry = ServiceModel.entry(function, "onError");
        if (entry != null) {
            put("DeadLetterConfig", Nodes.map(entry.keySpan(), "TargetArn", entry.value()),
                    entry.keySpan());
            roles.addStatement(name, RoleBuilder.statement(entry.keySpan(),
                    entry.value().text() != null && entry.value().text().contains(":sqs:")
                            ? "sqs:SendMessage" : "sns:Publish", entry.value()));
        }
    }

    /** Turns SnapStart on for published versions when {@code snapStart} is true. */
    private void snapStart() {
        MapNode.Entry entry = ServiceModel.entry(function, "snapStart");
        if (entry != null && ServiceModel.isTrue(entry.value())) {
            put("SnapStart", Nodes.map(entry.keySpan(), "ApplyOn",
                    Nodes.text("PublishedVersions", entry.value().span())), entry.keySpan());
        }
    }

    /**
     * {@code recursiveLoop} (framework v4.37 and later) takes 'allow' or 'terminate' in any case;
     * the framework writes them as CloudFormation's 'Allow' and 'Terminate'. Other values, such
     * as unresolved variables, are kept as written.
     */
    private void recursiveLoop() {
        MapNode.Entry entry = ServiceModel.entry(function, "recursiveLoop");
        if (entry == null || ServiceModel.isNull(entry.value())) {
            return;
        }
        String text = entry.value().text();
        Node value = entry.value();
        if ("allow".equalsIgnoreCase(text) || "terminate".equalsIgnoreCase(text)) {
            value = Nodes.text(Character.toUpperCase(text.charAt(0))
                    + text.substring(1).toLowerCase(Locale.ROOT), value.span());
        }
        put("RecursiveLoop", value, entry.keySpan());
    }

    private void ephemeralStorage() {
        MapNode.Entry entry = ServiceModel.entry(function, "ephemeralStorageSize");
        if (entry != null) {
            put("EphemeralStorage", Nodes.map(entry.keySpan(), "Size", entry.value()),
                    entry.keySpan());
        }
    }

    /**
     * Adds the function's tags: {@code provider.stackTags}, which the framework sets on the stack
     * and CloudFormation copies to every function, then {@code provider.tags}, then the
     * function's {@code tags}, a later source replacing the value of a key an earlier one set.
     * The {@code STAGE} stack tag the framework adds by itself is left out.
     */
    private void tags() {
        Map<String, Node> tags = new LinkedHashMap<>();
        SourceSpan span = null;
        for (MapNode.Entry source : new MapNode.Entry[] {model.providerEntry("stackTags"),
                model.providerEntry("tags"), ServiceModel.entry(function, "tags")}) {
            if (source != null && source.value().asMap() != null) {
                for (MapNode.Entry tag : source.value().asMap().entries()) {
                    tags.put(tag.key(), Nodes.map(tag.keySpan(),
                            "Key", Nodes.text(tag.key(), tag.keySpan()), "Value", tag.value()));
                }
                span = source.keySpan();
            }
        }
        if (span != null) {
            put("Tags", new ListNode(new ArrayList<>(tags.values()), span), span);
        }
    }

    private void setting(String property, MapNode.Entry entry) {
        if (entry != null && !ServiceModel.isNull(entry.value())) {
            put(property, entry.value(), entry.keySpan());
        }
    }

    private void put(String property, Node value, SourceSpan keySpan) {
        if (value != null) {
            properties.add(new MapNode.Entry(property, keySpan, value));
        }
    }
}
