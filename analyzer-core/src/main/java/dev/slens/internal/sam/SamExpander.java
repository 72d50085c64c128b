package dev.slens.internal.sam;

import dev.slens.load.LoadLimits;
import dev.slens.model.IncludedFile;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands the SAM resources of a template into CloudFormation, with the logical IDs the SAM
 * translator gives them. Other resources pass through. Functions and state machines are
 * expanded first, because their {@code Api} and {@code HttpApi} events add the routes of the
 * APIs; the implicit {@code ServerlessRestApi} and {@code ServerlessHttpApi} come last.
 */
public final class SamExpander {

    private SamExpander() {
    }

    /**
     * Returns {@code resources} with each SAM resource expanded, reading local files inside the
     * template's folder, and adds an SL0002 finding to {@code problems} for each construct in
     * them that was not expanded.
     */
    public static List<Resource> expand(SourceFile file, MapNode root, List<Resource> resources,
            List<Finding> problems) {
        return expand(file, root, resources, problems, new LocalFiles(null, LoadLimits.DEFAULT));
    }

    /** Returns {@code resources} expanded as above, reading local files through {@code files}. */
    public static List<Resource> expand(SourceFile file, MapNode root, List<Resource> resources,
            List<Finding> problems, LocalFiles files) {
        return expandTemplate(file, root, resources, problems, files).resources();
    }

    /**
     * The result of expanding a template: its resources, the conditions that expansion adds to
     * its Conditions section, the known outputs of its local nested applications, and the local
     * files whose content was copied into an expanded resource.
     */
    public record Expanded(List<Resource> resources, List<MapNode.Entry> conditions,
            Map<String, Map<String, Node>> stackOutputs, List<IncludedFile> includedFiles) { }

    /**
     * Returns the known outputs of each {@code AWS::CloudFormation::Stack} in {@code resources}
     * whose {@code TemplateURL} is a local file inside the project, keyed by its logical ID, so
     * that {@code Fn::GetAtt Stack.Outputs.Name} resolves as it does for a local
     * {@code AWS::Serverless::Application}. As for an application, a nested template that is
     * remote, computed by an intrinsic function, outside the project or not readable gets an
     * SL0002 finding in {@code problems}, because its resources are not analyzed.
     */
    public static Map<String, Map<String, Node>> localStackOutputs(SourceFile file,
            List<Resource> resources, LocalFiles files, List<Finding> problems) {
        Path parent = file.path().toAbsolutePath().getParent();
        Path folder = parent == null ? Path.of("").toAbsolutePath() : parent;
        SamProblems notes = new SamProblems(file, problems);
        Map<String, Map<String, Node>> outputs = new LinkedHashMap<>();
        for (Resource resource : resources) {
            MapNode.Entry url = resource.type().equals("AWS::CloudFormation::Stack")
                    ? resource.properties().entry("TemplateURL") : null;
            if (url == null) {
                continue;
            }
            if (!LocalFiles.isLocal(url.value())) {
                notes.unsupported(url.keySpan(), resource.logicalId(), "Stack '"
                        + resource.logicalId() + "' is deployed from a remote location, so its"
                        + " resources were not analyzed.");
                continue;
            }
            LocalFiles.Read read = files.read(folder, url.value().text(), url.value().span());
            if (read.root() == null) {
                notes.unsupported(url.keySpan(), resource.logicalId(), "The nested template of"
                        + " stack '" + resource.logicalId() + "' was not analyzed: "
                        + read.problem() + ".");
            } else {
                outputs.put(resource.logicalId(), SamOtherResources.nestedOutputs(read.root(),
                        resource.properties().getMap("Parameters")));
            }
        }
        return outputs;
    }

    /**
     * Expands {@code resources} as above and returns them with the conditions the expansion
     * adds, such as the negation of a condition under which SAM creates a destination queue.
     */
    public static Expanded expandTemplate(SourceFile file, MapNode root,
            List<Resource> resources, List<Finding> problems, LocalFiles files) {
        ServerlessSchemaCheck.check(file, root, resources, problems);
        SamContext context = new SamContext(file, root, new SamProblems(file, problems),
                resources, files);
        List<List<Resource>> slots = new ArrayList<>();
        for (Resource resource : resources) {
            List<Resource> expanded = new ArrayList<>(expandOne(context, resource));
            if (resource.type().startsWith("AWS::Serverless::")) {
                expanded.addAll(new SamConnectorExpander(context).embedded(resource));
            }
            slots.add(expanded);
        }
        List<Resource> implicit = new ArrayList<>();
        SamApiExpander apis = new SamApiExpander(context, implicit);
        for (int i = 0; i < resources.size(); i++) {
            Resource resource = resources.get(i);
            boolean rest = resource.type().equals("AWS::Serverless::Api");
            if (rest || resource.type().equals("AWS::Serverless::HttpApi")) {
                List<Resource> api = new ArrayList<>();
                new SamApiExpander(context, api).explicit(resource, !rest);
                slots.set(i, api);
            }
        }
        apis.implicit(false);
        apis.implicit(true);

        List<Resource> result = new ArrayList<>();
        slots.forEach(result::addAll);
        result.addAll(implicit);
        return new Expanded(SamReferableProperties.resolve(resources, result),
                context.conditions(), context.stackOutputs(), context.includedFiles());
    }

    /** Expands every type but the APIs, which wait for the routes of the events. */
    private static List<Resource> expandOne(SamContext context, Resource resource) {
        SamOtherResources other = new SamOtherResources(context);
        return switch (resource.type()) {
            case "AWS::Serverless::Function" -> new SamFunctionExpander(context, resource)
                    .expand();
            case "AWS::Serverless::StateMachine" -> new SamStateMachineExpander(context,
                    resource).expand();
            case "AWS::Serverless::SimpleTable" -> List.of(other.simpleTable(resource));
            case "AWS::Serverless::LayerVersion" -> List.of(other.layerVersion(resource));
            case "AWS::Serverless::Application" -> List.of(other.application(resource));
            case "AWS::Serverless::Connector" -> new SamConnectorExpander(context)
                    .expand(resource);
            case "AWS::Serverless::GraphQLApi" -> new SamGraphQlExpander(resource)
                    .expand();
            default -> List.of(resource);
        };
    }
}
