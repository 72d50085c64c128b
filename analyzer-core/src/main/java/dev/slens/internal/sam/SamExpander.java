package dev.slens.internal.sam;

import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands the SAM resources of a template into CloudFormation. Other resources pass through;
 * SAM types this version does not expand yet stay as they are, so rules simply do not see them.
 */
public final class SamExpander {

    private SamExpander() {
    }

    /**
     * Returns {@code resources} with each {@code AWS::Serverless::Function} expanded, and adds an
     * SL0002 finding to {@code problems} for each construct in them that was not expanded.
     */
    public static List<Resource> expand(SourceFile file, MapNode root, List<Resource> resources,
            List<Finding> problems) {
        SamProblems samProblems = new SamProblems(file, problems);
        MapNode globals = root.getMap("Globals");
        MapNode functionGlobals = globals == null ? null : globals.getMap("Function");
        List<Resource> result = new ArrayList<>();
        for (Resource resource : resources) {
            if (resource.type().equals("AWS::Serverless::Function")) {
                MapNode properties = GlobalsMerger.merge(functionGlobals, resource.properties());
                result.addAll(new SamFunctionExpander(resource.logicalId(), resource.span(),
                        properties, resource.condition(), samProblems).expand());
            } else {
                result.add(resource);
            }
        }
        return result;
    }
}
