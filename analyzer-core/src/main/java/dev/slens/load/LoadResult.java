package dev.slens.load;

import dev.slens.model.MapNode;
import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import java.util.List;

/**
 * The outcome of reading one file: its tree, or {@code null} when it could not be parsed or is not
 * a mapping, and the problems found on the way, as findings.
 */
public record LoadResult(SourceFile file, MapNode root, List<Finding> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }
}
