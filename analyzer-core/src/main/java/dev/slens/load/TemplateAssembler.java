package dev.slens.load;

import dev.slens.internal.sam.LocalFiles;
import dev.slens.internal.sam.SamExpander;
import dev.slens.internal.serverless.Packaging;
import dev.slens.internal.serverless.ServerlessExpander;
import dev.slens.model.IncludedFile;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Template} from a loaded tree: reads the Resources section, expands
 * {@code Fn::ForEach} loops and, for SAM, the serverless resources.
 */
public final class TemplateAssembler {

    private TemplateAssembler() {
    }

    /**
     * The template, the problems found while building it, and the other files it reads, such as
     * those a Serverless Framework {@code ${file()}} variable names.
     */
    public record Assembled(Template template, List<Finding> problems,
            List<SourceFile> includedFiles) {

        /** Creates the outcome of a template that includes no other file. */
        public Assembled(Template template, List<Finding> problems) {
            this(template, problems, List.of());
        }
    }

    /**
     * Builds the template of {@code root}, whose format {@link FormatDetector} found, resolving a
     * Serverless Framework file with the default options and limits.
     */
    public static Assembled assemble(SourceFile file, MapNode root, TemplateFormat format) {
        if (format == TemplateFormat.SERVERLESS_FRAMEWORK) {
            return assembleServerless(file, root, ServerlessOptions.DEFAULT, LoadLimits.DEFAULT);
        }
        return assemble(file, root, format, new LocalFiles(null, LoadLimits.DEFAULT));
    }

    /**
     * Builds the template of a SAM or CloudFormation {@code root} as above, reading the local
     * files that SAM resources point at through {@code files}.
     */
    public static Assembled assemble(SourceFile file, MapNode root, TemplateFormat format,
            LocalFiles files) {
        List<Finding> problems = new ArrayList<>(IntrinsicShapes.check(file, root));
        problems.addAll(TemplateSections.check(file, root, format));
        MapNode section = root.getMap("Resources");
        List<MapNode.Entry> entries = new ArrayList<>();
        if (section == null) {
            problems.add(resourcesNotMapping(file, root));
        } else {
            ForEachExpander loops = new ForEachExpander(files.limits());
            entries.addAll(loops.expand(section));
            for (ForEachExpander.Skipped skipped : loops.skipped()) {
                problems.add(new Finding(EngineChecks.UNSUPPORTED.id(),
                        EngineChecks.UNSUPPORTED.severity(), "Loop '" + skipped.loop().key()
                        + "' was not expanded because " + skipped.reason()
                        + ", so the resources it creates were not analyzed.", file,
                        skipped.loop().keySpan(), null, List.of()));
            }
            for (ForEachExpander.Skipped skipped : loops.tooLarge()) {
                problems.add(new Finding(EngineChecks.PARSE_ERROR.id(),
                        EngineChecks.PARSE_ERROR.severity(), "Loop '" + skipped.loop().key()
                        + "' was not expanded because " + skipped.reason() + ", so the"
                        + " resources it creates were not analyzed. CloudFormation accepts at"
                        + " most 500 resources in a stack; split the loop across nested stacks.",
                        file, skipped.loop().keySpan(), null, List.of()));
            }
        }
        List<Resource> resources = new ArrayList<>();
        for (MapNode.Entry entry : entries) {
            Finding problem = definitionProblem(file, entry);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            MapNode definition = entry.value().asMap();
            String type = definition.getText("Type");
            MapNode properties = definition.getMap("Properties");
            resources.add(new Resource(entry.key(), type,
                    properties == null ? Nodes.map(entry.keySpan()) : properties,
                    entry.keySpan(), definition.getText("Condition"), null,
                    Resource.attributesOf(definition, entry.keySpan())));
        }
        MapNode template = root;
        Map<String, Map<String, Node>> stackOutputs =
                new LinkedHashMap<>(SamExpander.localStackOutputs(file, resources, files,
                        problems));
        List<IncludedFile> included = List.of();
        if (format == TemplateFormat.SAM) {
            SamExpander.Expanded expanded =
                    SamExpander.expandTemplate(file, root, resources, problems, files);
            resources = expanded.resources();
            template = withConditions(root, expanded.conditions());
            stackOutputs.putAll(expanded.stackOutputs());
            included = expanded.includedFiles();
        }
        problems.addAll(NumberProperties.check(file, resources, problems));
        MapNode definitions = new MapNode(entries, section == null ? root.span() : section.span());
        return new Assembled(new Template(file, format, template, definitions, resources,
                Map.of(), stackOutputs, included), problems);
    }

    /**
     * Returns {@code root} with {@code added} appended to its Conditions section, so that
     * conditions the SAM expansion creates are evaluated like written ones.
     */
    private static MapNode withConditions(MapNode root, List<MapNode.Entry> added) {
        if (added.isEmpty()) {
            return root;
        }
        MapNode written = root.getMap("Conditions");
        List<MapNode.Entry> conditions = new ArrayList<>(
                written == null ? List.of() : written.entries());
        conditions.addAll(added);
        MapNode section = new MapNode(conditions, written == null ? root.span() : written.span());
        List<MapNode.Entry> entries = new ArrayList<>();
        boolean replaced = false;
        for (MapNode.Entry entry : root.entries()) {
            if (entry.key().equals("Conditions")) {
                entries.add(new MapNode.Entry("Conditions", entry.keySpan(), section));
                replaced = true;
            } else {
                entries.add(entry);
            }
        }
        if (!replaced) {
            entries.add(new MapNode.Entry("Conditions", root.span(), section));
        }
        return new MapNode(entries, root.span());
    }

    /**
     * Builds the template of a Serverless Framework file: resolves its variables with
     * {@code options}, reading the files that {@code ${file()}} names within {@code limits}, and
     * expands it into the resources the framework deploys. The template's root is the
     * CloudFormation under {@code resources:}, against which intrinsic functions are evaluated.
     */
    public static Assembled assembleServerless(SourceFile file, MapNode root,
            ServerlessOptions options, LoadLimits limits) {
        List<Finding> problems = new ArrayList<>();
        ServerlessExpander.Expanded expanded =
                ServerlessExpander.expand(file, root, options, limits, problems);
        problems.addAll(IntrinsicShapes.check(file, expanded.cloudFormation()));
        List<MapNode.Entry> sections = new ArrayList<>(expanded.cloudFormation().entries());
        // extensions patch generated resources and are not a CloudFormation section.
        sections.removeIf(entry -> entry.key().equals("extensions"));
        MapNode section = new MapNode(sections, expanded.cloudFormation().span());
        Path name = file.path().getFileName();
        Template template = new Template(file, TemplateFormat.SERVERLESS_FRAMEWORK, section,
                expanded.definitions(), expanded.resources(), Packaging.localPackages(
                        expanded.resolved(), name == null ? "serverless.yml" : name.toString()));
        return new Assembled(template, problems, expanded.includedFiles());
    }

    /**
     * Reports a Resources section that is missing or is not a mapping. The finding points at the
     * Resources key, else at AWSTemplateFormatVersion, else at the Transform that made the file a
     * SAM template.
     */
    private static Finding resourcesNotMapping(SourceFile file, MapNode root) {
        MapNode.Entry resources = root.entry("Resources");
        MapNode.Entry anchor = resources;
        for (String key : List.of("AWSTemplateFormatVersion", "Transform")) {
            anchor = anchor != null ? anchor : root.entry(key);
        }
        SourceSpan span = anchor != null ? anchor.keySpan() : root.span();
        String found = resources == null ? "is missing" : "is " + kind(resources.value());
        return unsupported(file, span, null, "The Resources section " + found + ", so no resource"
                + " was analyzed; CloudFormation rejects the template too. Resources must be a"
                + " mapping of logical IDs to resource definitions.");
    }

    /**
     * Reports a resource that is not a mapping, has no string Type or has Properties that are not
     * a mapping, else returns null.
     */
    private static Finding definitionProblem(SourceFile file, MapNode.Entry entry) {
        String id = entry.key();
        MapNode definition = entry.value().asMap();
        if (definition == null) {
            return unsupported(file, entry.keySpan(), id, "Resource '" + id + "' is "
                    + kind(entry.value()) + ", not a mapping, so it was not analyzed;"
                    + " CloudFormation rejects it too. Write it as a mapping with a Type.");
        }
        Node type = definition.get("Type");
        boolean missing = type == null
                || type instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
        if (missing) {
            return unsupported(file, entry.keySpan(), id, "Resource '" + id + "' has no Type, so"
                    + " it was not analyzed; CloudFormation rejects it too. Add a Type such as"
                    + " 'AWS::Lambda::Function'.");
        }
        if (!(type instanceof ScalarNode scalar) || scalar.kind() != ScalarNode.Kind.STRING) {
            return badShape(file, definition.entry("Type"), id, "Resource '" + id
                    + "' has a Type that is " + kind(type) + ", not a string, so it was not"
                    + " analyzed; CloudFormation rejects it too. Set Type to a resource type such"
                    + " as 'AWS::Lambda::Function'.");
        }
        return propertiesProblem(file, definition.entry("Properties"), id);
    }

    /**
     * Reports Properties that are a list or a value other than empty. Rules would otherwise read
     * such a resource as one without properties and report settings it seems to lack.
     */
    private static Finding propertiesProblem(SourceFile file, MapNode.Entry properties,
            String id) {
        Node value = properties == null ? null : properties.value();
        boolean empty = value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
        if (value == null || value instanceof MapNode || empty) {
            return null;
        }
        return badShape(file, properties, id, "Resource '" + id + "' has Properties that are "
                + kind(value) + ", not a mapping, so it was not analyzed; CloudFormation rejects"
                + " it too. Write Properties as a mapping of property names to values.");
    }

    private static Finding badShape(SourceFile file, MapNode.Entry entry, String logicalId,
            String message) {
        return new Finding(EngineChecks.RESOURCE_SHAPE.id(), EngineChecks.RESOURCE_SHAPE.severity(),
                message, file, entry.keySpan(), logicalId, List.of());
    }

    /** Describes the kind of {@code node} for a message, such as "a list". */
    static String kind(Node node) {
        if (node instanceof MapNode) {
            return "a mapping";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return switch (scalar.kind()) {
            case STRING -> "the text '" + scalar.value() + "'";
            case NUMBER, BOOLEAN -> "the value '" + scalar.value() + "'";
            case NULL -> "empty";
        };
    }

    private static Finding unsupported(SourceFile file, SourceSpan span, String logicalId,
            String message) {
        return new Finding(EngineChecks.UNSUPPORTED.id(), EngineChecks.UNSUPPORTED.severity(),
                message, file, span, logicalId, List.of());
    }
}
