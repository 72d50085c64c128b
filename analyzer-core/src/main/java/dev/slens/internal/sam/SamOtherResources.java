package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands the SAM resource types that map to few CloudFormation resources:
 * {@code SimpleTable}, {@code LayerVersion} and {@code Application}. Each is merged with its
 * Globals section first.
 */
final class SamOtherResources {

    /** DynamoDB attribute types for the {@code PrimaryKey.Type} names SAM accepts. */
    private static final Map<String, String> KEY_TYPES = Map.of("String", "S", "Number", "N",
            "Binary", "B");

    private final SamContext context;

    SamOtherResources(SamContext context) {
        this.context = context;
    }

    /**
     * Expands a {@code SimpleTable}: a table keyed by {@code PrimaryKey} (default {@code id}, a
     * string), billed per request unless {@code ProvisionedThroughput} is set.
     */
    Resource simpleTable(Resource table) {
        MapNode properties = context.withGlobals("SimpleTable", table.properties());
        SourceSpan at = table.span();
        MapNode key = properties.getMap("PrimaryKey");
        Node name = key != null && key.get("Name") != null ? key.get("Name")
                : Nodes.text("id", at);
        String type = key == null ? "String" : key.getText("Type");
        Node attributeType = Nodes.text(KEY_TYPES.getOrDefault(type, type), at);
        Node throughput = properties.get("ProvisionedThroughput");
        MapNode result = Nodes.map(properties.span(),
                "TableName", properties.get("TableName"),
                "AttributeDefinitions", Nodes.list(at, List.of(Nodes.map(at,
                        "AttributeName", name, "AttributeType", attributeType))),
                "KeySchema", Nodes.list(at, List.of(Nodes.map(at,
                        "AttributeName", name, "KeyType", Nodes.text("HASH", at)))),
                "BillingMode", throughput == null ? Nodes.text("PAY_PER_REQUEST", at) : null,
                "ProvisionedThroughput", throughput,
                "SSESpecification", properties.get("SSESpecification"),
                "PointInTimeRecoverySpecification",
                properties.get("PointInTimeRecoverySpecification"),
                "Tags", tagList(properties.get("Tags")));
        return new Resource(table.logicalId(), "AWS::DynamoDB::Table", result, at,
                table.condition(), null);
    }

    /**
     * Expands a {@code LayerVersion}. The translator appends a hash of the content to the
     * logical ID; slens keeps the logical ID as written, so that {@code Ref}s to the layer still
     * resolve.
     */
    Resource layerVersion(Resource layer) {
        MapNode properties = context.withGlobals("LayerVersion", layer.properties());
        SourceSpan at = layer.span();
        Node content = properties.get("ContentUri");
        MapNode result = Nodes.map(properties.span(),
                "LayerName", properties.has("LayerName") ? properties.get("LayerName")
                        : Nodes.text(layer.logicalId(), at),
                "Description", properties.get("Description"),
                "Content", content == null ? null
                        : S3Locations.location(content, "S3Bucket", "S3Key", "S3ObjectVersion"),
                "CompatibleRuntimes", properties.get("CompatibleRuntimes"),
                "CompatibleArchitectures", properties.get("CompatibleArchitectures"),
                "LicenseInfo", properties.get("LicenseInfo"));
        return new Resource(layer.logicalId(), "AWS::Lambda::LayerVersion", result, at,
                layer.condition(), null);
    }

    /**
     * Expands an {@code Application} into a nested stack. A local {@code Location} is read and
     * checked to be a template; its resources are analyzed when slens scans that file itself.
     * A Serverless Application Repository application or a URL is noted and not read.
     */
    Resource application(Resource application) {
        MapNode properties = application.properties();
        SourceSpan at = application.span();
        MapNode.Entry location = properties.entry("Location");
        Node templateUrl = location == null ? null : location.value();
        if (location != null && LocalFiles.isLocal(location.value())) {
            LocalFiles.Read read = context.localFiles().read(context.folder(),
                    location.value().text(), location.value().span());
            if (read.root() == null) {
                context.problems().unsupported(location.keySpan(), application.logicalId(),
                        "The nested template of application '" + application.logicalId()
                                + "' was not analyzed: " + read.problem() + ".");
            } else {
                context.addStackOutputs(application.logicalId(),
                        nestedOutputs(read.root(), properties.getMap("Parameters")));
            }
        } else if (location != null) {
            context.problems().unsupported(location.keySpan(), application.logicalId(),
                    "Application '" + application.logicalId() + "' is deployed from a remote"
                            + " location, so its resources were not analyzed.");
            if (location.value().asMap() != null && location.value().intrinsicName() == null) {
                templateUrl = Nodes.text("{{serverless-repo:"
                        + location.value().asMap().getText("ApplicationId") + "}}", at);
            }
        }
        MapNode result = Nodes.map(properties.span(),
                "TemplateURL", templateUrl,
                "Parameters", properties.get("Parameters"),
                "NotificationARNs", properties.get("NotificationARNs"),
                "TimeoutInMinutes", properties.get("TimeoutInMinutes"),
                "Tags", tagList(properties.get("Tags")));
        return new Resource(application.logicalId(), "AWS::CloudFormation::Stack", result, at,
                application.condition(), null);
    }

    /**
     * Returns the outputs of {@code nested}, a nested template, whose value the parent can
     * know: a literal, or a {@code Ref} to a parameter of the nested template, which takes the
     * value the parent passes in {@code passed}, else the parameter's default.
     */
    static Map<String, Node> nestedOutputs(MapNode nested, MapNode passed) {
        Map<String, Node> outputs = new LinkedHashMap<>();
        MapNode section = nested.getMap("Outputs");
        MapNode parameters = nested.getMap("Parameters");
        if (section == null) {
            return outputs;
        }
        for (MapNode.Entry entry : section.entries()) {
            MapNode output = entry.value().asMap();
            Node value = output == null ? null : output.get("Value");
            if (value instanceof ScalarNode scalar && scalar.kind() != ScalarNode.Kind.NULL) {
                outputs.put(entry.key(), value);
            } else if (value != null && "Ref".equals(value.intrinsicName())) {
                String parameter = value.asMap().getText("Ref");
                Node given = passed == null || parameter == null ? null : passed.get(parameter);
                MapNode declared = parameters == null || parameter == null ? null
                        : parameters.getMap(parameter);
                Node fallback = declared == null ? null : declared.get("Default");
                if (given != null || fallback != null) {
                    outputs.put(entry.key(), given != null ? given : fallback);
                }
            }
        }
        return outputs;
    }

    /** Converts SAM's tag map into CloudFormation's list of Key and Value pairs. */
    static Node tagList(Node tags) {
        MapNode map = tags == null ? null : tags.asMap();
        if (map == null || map.intrinsicName() != null) {
            return tags;
        }
        List<Node> list = new ArrayList<>();
        for (MapNode.Entry entry : map.entries()) {
            list.add(Nodes.map(entry.keySpan(), "Key", Nodes.text(entry.key(), entry.keySpan()),
                    "Value", entry.value()));
        }
        return Nodes.list(tags.span(), list);
    }
}
