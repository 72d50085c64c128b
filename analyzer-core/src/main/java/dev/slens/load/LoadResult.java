package dev.slens.load;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import java.util.List;

/**
 * The outcome of reading one file: its tree, or {@code null} when it could not be parsed or is not
 * a mapping, and the problems found on the way, as findings. {@code document} is the parsed tree
 * whatever its kind, for files such as a list that a Serverless Framework variable includes.
 */
public record LoadResult(SourceFile file, MapNode root, List<Finding> problems, Node document) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    /** Creates a result whose document is {@code root}. */
    public LoadResult(SourceFile file, MapNode root, List<Finding> problems) {
        this(file, root, problems, root);
    }
}
