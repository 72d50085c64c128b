package dev.slens.internal.serverless;

import dev.slens.load.LoadLimits;
import dev.slens.load.ServerlessOptions;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.List;

/**
 * Turns a Serverless Framework service file into the CloudFormation resources the framework
 * deploys: resolves its variables, expands its functions, events, roles and APIs with the
 * framework's logical IDs and defaults, and adds the raw CloudFormation under
 * {@code resources:}. Only {@code provider.name: aws} is expanded.
 */
public final class ServerlessExpander {

    private ServerlessExpander() {
    }

    /**
     * The outcome of expanding one service file.
     *
     * @param resolved the service file with its variables resolved
     * @param cloudFormation the CloudFormation sections of {@code resources:} (Resources,
     *     Outputs, Conditions, ...), which intrinsic functions are evaluated against
     * @param resources the resources the framework deploys, generated and written
     * @param includedFiles the files that {@code ${file()}} variables read
     * @param definitions the resource definitions with their attributes, such as Metadata: the
     *     written resources, and the generated ones that {@code resources.extensions} extends
     */
    public record Expanded(MapNode resolved, MapNode cloudFormation, List<Resource> resources,
            List<SourceFile> includedFiles, MapNode definitions) { }

    /**
     * Expands {@code root}, the file {@code file} as written, and adds the problems found to
     * {@code problems}. {@code limits} apply to the files that {@code ${file()}} variables read.
     */
    public static Expanded expand(SourceFile file, MapNode root, ServerlessOptions options,
            LoadLimits limits, List<Finding> problems) {
        ServerlessProblems found = new ServerlessProblems(file, problems);
        String written = ProviderSection.writtenName(root);
        if (written != null && !written.equals("aws")) {
            // A service for another cloud is reported without resolving its variables.
            ProviderSection.rejects(root, found);
            return notExpanded(root);
        }
        IgnoredKeys.check(root, found);
        FileIncludes includes = new FileIncludes(file, limits);
        VariableResolver resolver = new VariableResolver(root, options, limits, includes,
                found);
        MapNode resolved = resolver.resolveRoot();
        if (ProviderSection.rejects(resolved, found)) {
            return notExpanded(resolved);
        }
        resolved = ProviderSection.withProviderMapping(resolved);
        ServiceShapes.check(resolved, found);
        NumberSettings.check(resolved, found);

        ServiceModel model = new ServiceModel(resolved, stage(resolved, options),
                region(resolved, options), found);
        deploymentBucket(model);
        RoleBuilder roles = new RoleBuilder(model);
        ApiEvents apis = new ApiEvents(model);
        MapNode functions = resolved.getMap("functions");
        if (functions != null) {
            for (MapNode.Entry function : functions.entries()) {
                new FunctionExpander(model, roles, apis, function).expand();
            }
        }
        roles.build();
        apis.finish();
        layers(model);
        StepFunctions.expand(model);
        CanaryDeployments.expand(model);
        ResourcesSection section = new ResourcesSection(resolved.get("resources"), found);
        List<Resource> resources = section.apply(model.resources());
        return new Expanded(resolved, section.section(), resources, includes.parsedFiles(),
                section.definitions());
    }

    /**
     * Returns the logical ID the framework gives the Lambda function of the function named
     * {@code name} under {@code functions}, such as {@code HelloLambdaFunction}.
     */
    public static String functionLogicalId(String name) {
        return Naming.lambda(name);
    }

    private static Expanded notExpanded(MapNode root) {
        return new Expanded(root, Nodes.map(root.span()), List.of(), List.of(),
                Nodes.map(root.span()));
    }

    private static String stage(MapNode resolved, ServerlessOptions options) {
        String written = ServiceModel.text(ServiceModel.value(resolved, "provider", "stage"));
        return options.stage() != null ? options.stage()
                : written != null ? written : ServerlessOptions.DEFAULT_STAGE;
    }

    private static String region(MapNode resolved, ServerlessOptions options) {
        String written = ServiceModel.text(ServiceModel.value(resolved, "provider", "region"));
        return options.region() != null ? options.region()
                : written != null ? written : ServerlessOptions.DEFAULT_REGION;
    }

    /** Adds the bucket the framework uploads code to, unless the provider names one. */
    private static void deploymentBucket(ServiceModel model) {
        if (model.provider().get("deploymentBucket") != null) {
            return;
        }
        SourceSpan at = model.providerSpan();
        model.add(Naming.DEPLOYMENT_BUCKET, "AWS::S3::Bucket", Nodes.map(at,
                "BucketEncryption", Nodes.map(at, "ServerSideEncryptionConfiguration",
                        Nodes.list(at, List.of(Nodes.map(at, "ServerSideEncryptionByDefault",
                                Nodes.map(at, "SSEAlgorithm", Nodes.text("AES256", at))))))),
                at, null);
        Node bucket = Nodes.ref(Naming.DEPLOYMENT_BUCKET, at);
        List<Node> objects = List.of(
                joined(at, Nodes.text("arn:", at), Nodes.ref("AWS::Partition", at),
                        Nodes.text(":s3:::", at), bucket, Nodes.text("/*", at)),
                joined(at, Nodes.text("arn:", at), Nodes.ref("AWS::Partition", at),
                        Nodes.text(":s3:::", at), bucket));
        MapNode denyInsecure = Nodes.map(at,
                "Action", Nodes.text("s3:*", at),
                "Effect", Nodes.text("Deny", at),
                "Principal", Nodes.text("*", at),
                "Resource", Nodes.list(at, objects),
                "Condition", Nodes.map(at, "Bool", Nodes.map(at, "aws:SecureTransport",
                        ServiceModel.bool(false, at))));
        model.add(Naming.DEPLOYMENT_BUCKET + "Policy", "AWS::S3::BucketPolicy", Nodes.map(at,
                "Bucket", bucket,
                "PolicyDocument", Nodes.map(at, "Statement", Nodes.list(at,
                        List.of(denyInsecure)))), at, null);
    }

    /** Creates {@code {Fn::Join: ["", parts]}}. */
    static MapNode joined(SourceSpan at, Node... parts) {
        return Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("", at),
                Nodes.list(at, List.of(parts)))));
    }

    /** Adds a {@code <Name>LambdaLayer} for each entry of the top-level {@code layers:}. */
    private static void layers(ServiceModel model) {
        MapNode layers = model.root().getMap("layers");
        if (layers == null) {
            return;
        }
        for (MapNode.Entry layer : layers.entries()) {
            MapNode settings = layer.value().asMap();
            SourceSpan at = layer.keySpan();
            model.add(Naming.function(layer.key()) + "LambdaLayer", "AWS::Lambda::LayerVersion",
                    Nodes.map(at,
                            "LayerName", settings != null && settings.get("name") != null
                                    ? settings.get("name") : Nodes.text(layer.key(), at),
                            "CompatibleRuntimes", settings == null ? null
                                    : settings.get("compatibleRuntimes"),
                            "CompatibleArchitectures", settings == null ? null
                                    : settings.get("compatibleArchitectures"),
                            "Description", settings == null ? null
                                    : settings.get("description")), at, layer.key());
        }
    }
}
