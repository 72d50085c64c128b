package dev.slens.load;

import dev.slens.internal.sam.SamExpander;
import dev.slens.model.MapNode;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Template} from a loaded tree: reads the Resources section, expands
 * {@code Fn::ForEach} loops and, for SAM, the serverless resources.
 */
public final class TemplateAssembler {

    private TemplateAssembler() {
    }

    /** The template, and problems found while building it. */
    public record Assembled(Template template, List<Finding> problems) { }

    /** Builds the template of {@code root}, whose format {@link FormatDetector} found. */
    public static Assembled assemble(SourceFile file, MapNode root, TemplateFormat format) {
        List<Finding> problems = new ArrayList<>();
        MapNode section = root.getMap("Resources");
        List<MapNode.Entry> entries = new ArrayList<>();
        if (section != null) {
            ForEachExpander loops = new ForEachExpander();
            entries.addAll(loops.expand(section));
            for (ForEachExpander.Skipped skipped : loops.skipped()) {
                problems.add(new Finding(EngineChecks.UNSUPPORTED.id(),
                        EngineChecks.UNSUPPORTED.severity(), "Loop '" + skipped.loop().key()
                        + "' was not expanded because " + skipped.reason()
                        + ", so the resources it creates were not analyzed.", file,
                        skipped.loop().keySpan(), null, List.of()));
            }
        }
        List<Resource> resources = new ArrayList<>();
        for (MapNode.Entry entry : entries) {
            MapNode definition = entry.value().asMap();
            String type = definition == null ? null : definition.getText("Type");
            if (type == null) {
                problems.add(new Finding(EngineChecks.UNSUPPORTED.id(),
                        EngineChecks.UNSUPPORTED.severity(), "Resource '" + entry.key()
                        + "' has no Type, so it was not analyzed; CloudFormation rejects it too."
                        + " Add a Type such as 'AWS::Lambda::Function'.", file, entry.keySpan(),
                        entry.key(), List.of()));
                continue;
            }
            MapNode properties = definition.getMap("Properties");
            resources.add(new Resource(entry.key(), type,
                    properties == null ? Nodes.map(entry.keySpan()) : properties,
                    entry.keySpan(), definition.getText("Condition"), null));
        }
        if (format == TemplateFormat.SAM) {
            resources = SamExpander.expand(root, resources);
        }
        return new Assembled(new Template(file, format, root, resources), problems);
    }
}
