package dev.slens.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded and expanded template: the tree as written, and the CloudFormation resources it
 * deploys, keyed by logical ID in file order.
 */
public final class Template {

    private final SourceFile file;
    private final TemplateFormat format;
    private final MapNode root;
    private final Map<String, Resource> resources;
    private final Map<String, List<Resource>> byType;
    private final MapNode definitions;
    private final Map<String, LocalPackage> localPackages;
    private final Map<String, Map<String, Node>> stackOutputs;
    private final List<IncludedFile> includedFiles;

    /** Creates a template; resources later in the list replace earlier ones with the same ID. */
    public Template(SourceFile file, TemplateFormat format, MapNode root,
            List<Resource> resources) {
        this(file, format, root, root.getMap("Resources"), resources);
    }

    /**
     * Creates a template whose Resources section, after {@code Fn::ForEach} loops are expanded,
     * is {@code definitions}; resources later in the list replace earlier ones with the same ID.
     */
    public Template(SourceFile file, TemplateFormat format, MapNode root, MapNode definitions,
            List<Resource> resources) {
        this(file, format, root, definitions, resources, Map.of(), Map.of(), List.of());
    }

    /**
     * Creates a template as above whose functions and layers take the local deployment
     * packages {@code localPackages}, keyed by logical ID.
     */
    public Template(SourceFile file, TemplateFormat format, MapNode root, MapNode definitions,
            List<Resource> resources, Map<String, LocalPackage> localPackages) {
        this(file, format, root, definitions, resources, localPackages, Map.of(), List.of());
    }

    /**
     * Creates a template as above whose nested stacks, keyed by logical ID, have the outputs
     * {@code stackOutputs}: for each output name, the node its value comes from.
     */
    public Template(SourceFile file, TemplateFormat format, MapNode root, MapNode definitions,
            List<Resource> resources, Map<String, LocalPackage> localPackages,
            Map<String, Map<String, Node>> stackOutputs) {
        this(file, format, root, definitions, resources, localPackages, stackOutputs, List.of());
    }

    /**
     * Creates a template as above whose expansion copied the content of {@code includedFiles}
     * into resource properties.
     */
    public Template(SourceFile file, TemplateFormat format, MapNode root, MapNode definitions,
            List<Resource> resources, Map<String, LocalPackage> localPackages,
            Map<String, Map<String, Node>> stackOutputs, List<IncludedFile> includedFiles) {
        this.file = file;
        this.includedFiles = List.copyOf(includedFiles);
        this.localPackages = Map.copyOf(localPackages);
        this.stackOutputs = Map.copyOf(stackOutputs);
        this.format = format;
        this.root = root;
        this.definitions = definitions == null ? new MapNode(List.of(), SourceSpan.NONE)
                : definitions;
        Map<String, Resource> byId = new LinkedHashMap<>();
        for (Resource resource : resources) {
            byId.put(resource.logicalId(), resource);
        }
        this.resources = Collections.unmodifiableMap(byId);
        Map<String, List<Resource>> types = new HashMap<>();
        for (Resource resource : byId.values()) {
            types.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
        }
        types.replaceAll((type, list) -> List.copyOf(list));
        this.byType = types;
    }

    public SourceFile file() {
        return file;
    }

    public TemplateFormat format() {
        return format;
    }

    /**
     * Returns the tree as written, before any expansion, except that the Conditions section
     * also contains the conditions the SAM expansion creates.
     */
    public MapNode root() {
        return root;
    }

    /** Returns the top-level section {@code name}, such as Parameters, or an empty map. */
    public MapNode section(String name) {
        MapNode section = root.getMap(name);
        return section == null ? new MapNode(List.of(), SourceSpan.NONE) : section;
    }

    /**
     * Returns the Resources section as written, with each {@code Fn::ForEach} loop replaced by
     * the resource definitions it expands to; an empty map when the section is missing.
     */
    public MapNode resourceDefinitions() {
        return definitions;
    }

    /** Returns every resource by logical ID, in file order. */
    public Map<String, Resource> resources() {
        return resources;
    }

    /** Returns the resource {@code logicalId}, or {@code null}. */
    public Resource resource(String logicalId) {
        return resources.get(logicalId);
    }

    /**
     * Returns the local deployment package of function or layer {@code logicalId} that a
     * Serverless Framework service builds, or {@code null}. CloudFormation and SAM templates
     * name theirs in the function's {@code Code} and the layer's {@code Content}.
     */
    public LocalPackage localPackage(String logicalId) {
        return localPackages.get(logicalId);
    }

    /**
     * Returns the node that output {@code output} of the nested stack {@code logicalId} takes
     * its value from, or {@code null} when it is not known. Known are the outputs of a local
     * SAM application's template whose value is a literal or a parameter of that template.
     */
    public Node stackOutput(String logicalId, String output) {
        Map<String, Node> outputs = stackOutputs.get(logicalId);
        return outputs == null ? null : outputs.get(output);
    }

    /**
     * Returns the local file whose content the expansion copied into {@code property} of the
     * resource {@code logicalId}, or {@code null} when that property was written in this file.
     */
    public IncludedFile includedFile(String logicalId, String property) {
        for (IncludedFile included : includedFiles) {
            if (included.logicalId().equals(logicalId) && included.property().equals(property)) {
                return included;
            }
        }
        return null;
    }

    /**
     * Returns the format the user wrote resource {@code logicalId} in: SERVERLESS_FRAMEWORK
     * for a resource the framework generates from a service file's functions, events and
     * provider settings, else the template's own format. A resource written under a service
     * file's {@code resources:} is CLOUDFORMATION, and a resource the template does not have
     * gets the template's format.
     */
    public TemplateFormat sourceFormat(String logicalId) {
        if (format != TemplateFormat.SERVERLESS_FRAMEWORK) {
            return format;
        }
        Resource resource = logicalId == null ? null : resources.get(logicalId);
        return resource != null && resource.isWritten() ? TemplateFormat.CLOUDFORMATION
                : TemplateFormat.SERVERLESS_FRAMEWORK;
    }

    /** Returns the resources of one type, in file order. */
    public List<Resource> resourcesOfType(String type) {
        return byType.getOrDefault(type, List.of());
    }
}
