package dev.slens.internal.sam;

import dev.slens.internal.files.ProjectPath;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the local files a SAM template points at, such as an OpenAPI document in
 * {@code DefinitionUri} or a nested template in an {@code Application}'s {@code Location}. A
 * file must lie inside the project folder: a path that leaves it is reported and never read.
 * Files go through the same {@link TemplateLoader} limits as templates.
 */
public final class LocalFiles {

    private final Path projectFolder;
    private final LoadLimits limits;

    /**
     * Creates a reader for files inside {@code projectFolder}. When {@code projectFolder} is
     * {@code null}, each template's own folder is the boundary.
     */
    public LocalFiles(Path projectFolder, LoadLimits limits) {
        this.projectFolder = projectFolder == null ? null
                : projectFolder.toAbsolutePath().normalize();
        this.limits = limits;
    }

    /** Returns the limits that files are read with, which also bound template expansion. */
    public LoadLimits limits() {
        return limits;
    }

    /**
     * The tree of a local file with every span set to the naming property's, or why it could
     * not be read. {@code file} and {@code original}, the tree with the file's own spans, are
     * {@code null} when it could not be read. {@code loaderFindings} are the template loader's
     * findings in the file: the SL0001 parse error when it does not parse, or warnings such as
     * duplicate keys when it does. {@code outsideProject} is true when the path leaves the
     * project folder, so the file was not read.
     */
    record Read(MapNode root, String problem, Path path, SourceFile file, MapNode original,
            List<Finding> loaderFindings, boolean outsideProject) {

        Read {
            loaderFindings = List.copyOf(loaderFindings);
        }

        static Read failed(String problem, Path path) {
            return new Read(null, problem, path, null, null, List.of(), false);
        }

        static Read outside(String problem, Path path) {
            return new Read(null, problem, path, null, null, List.of(), true);
        }

        /** Returns whether the file was found but the template loader could not parse it. */
        boolean unparsable() {
            return root == null && loaderFindings.stream()
                    .anyMatch(f -> f.ruleId().equals(EngineChecks.PARSE_ERROR.id()));
        }
    }

    /**
     * Returns whether {@code location} is a local path rather than an S3 or HTTPS URL, a
     * mapping or an intrinsic function.
     */
    static boolean isLocal(Node location) {
        String text = location == null ? null : location.text();
        return text != null && !text.isBlank() && !text.contains("://");
    }

    /**
     * Reads {@code relative}, resolved against {@code templateFolder}. Every node of the result
     * takes {@code at}, the span of the property that names the file, so findings about the
     * file's content point at that line.
     */
    Read read(Path templateFolder, String relative, SourceSpan at) {
        return read(templateFolder, relative, relative, at);
    }

    /**
     * Reads {@code relative} as above, naming it {@code displayPath} in findings about its
     * content.
     */
    Read read(Path templateFolder, String relative, String displayPath, SourceSpan at) {
        Path boundary = boundary(templateFolder);
        ProjectPath.Resolved resolved = ProjectPath.resolve(boundary, templateFolder, relative);
        Path target = resolved.path();
        switch (resolved.status()) {
            case FILE -> { }
            case OUTSIDE -> {
                return Read.outside("'" + relative + "' leaves the project folder, so it was"
                        + " not read", target);
            }
            case LINK_OUTSIDE -> {
                return Read.outside("'" + relative + "' " + resolved.problem(boundary)
                        + ", so it was not read", target);
            }
            case MISSING -> {
                return Read.failed("'" + relative + "' was not found in the template's folder",
                        target);
            }
            case FOLDER -> {
                return Read.failed("'" + relative + "' is a folder, not a file", target);
            }
            default -> {
                return Read.failed("'" + relative + "' " + resolved.problem(boundary)
                        + ", so it was not read", target);
            }
        }
        LoadResult loaded = new TemplateLoader(limits).load(target, displayPath);
        if (loaded.root() == null) {
            String reason = loaded.problems().stream().map(Finding::message).findFirst()
                    .map(message -> problemOf(relative, message))
                    .orElse("'" + relative + "' was not read: it is not a mapping");
            return new Read(null, reason, target, loaded.file(), null, loaded.problems(),
                    false);
        }
        return new Read((MapNode) withSpan(loaded.root(), at), null, target, loaded.file(),
                loaded.root(), loaded.problems(), false);
    }

    /**
     * Words a loader finding about {@code relative} as a clause that callers end with a period:
     * "The file cannot be read: permission denied." becomes "'api.yaml' cannot be read:
     * permission denied".
     */
    private static String problemOf(String relative, String message) {
        String clause = message.endsWith(".") ? message.substring(0, message.length() - 1)
                : message;
        if (clause.startsWith("The file ")) {
            return "'" + relative + "' " + clause.substring("The file ".length());
        }
        return "'" + relative + "' was not read: " + clause;
    }

    /**
     * Returns the local templates that {@code template} deploys as nested stacks: the
     * {@code Location} of each {@code AWS::Serverless::Application} and the {@code TemplateURL}
     * of each {@code AWS::CloudFormation::Stack} that is a path inside the project folder and
     * names a regular file there, with links resolved. The analyzer analyzes them as templates
     * of their own.
     */
    public List<Path> nestedTemplates(Template template) {
        Path templateFolder = template.file().path().toAbsolutePath().getParent();
        List<Path> nested = new ArrayList<>();
        for (MapNode.Entry entry : template.resourceDefinitions().entries()) {
            MapNode definition = entry.value().asMap();
            String type = definition == null ? null : definition.getText("Type");
            MapNode properties = definition == null ? null : definition.getMap("Properties");
            String key = "AWS::Serverless::Application".equals(type) ? "Location"
                    : "AWS::CloudFormation::Stack".equals(type) ? "TemplateURL" : null;
            Node location = key == null || properties == null ? null : properties.get(key);
            if (templateFolder == null || !isLocal(location)) {
                continue;
            }
            ProjectPath.Resolved resolved = ProjectPath.resolve(boundary(templateFolder),
                    templateFolder, location.text());
            if (resolved.status() == ProjectPath.Status.FILE) {
                nested.add(resolved.path());
            }
        }
        return nested;
    }

    private Path boundary(Path templateFolder) {
        Path folder = templateFolder.toAbsolutePath().normalize();
        return projectFolder != null && folder.startsWith(projectFolder) ? projectFolder : folder;
    }

    /** Returns a copy of {@code node} in which every node has {@code span}. */
    static Node withSpan(Node node, SourceSpan span) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry entry : map.entries()) {
                entries.add(new MapNode.Entry(entry.key(), span, withSpan(entry.value(), span)));
            }
            return new MapNode(entries, span);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(withSpan(item, span)));
            return new ListNode(items, span);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(scalar.value(), scalar.kind(), span);
    }
}
