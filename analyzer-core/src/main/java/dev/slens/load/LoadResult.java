package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
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

    /**
     * Returns the parse error (SL0001) of a file that has no mapping at the top level, so no
     * template: its top level is a list or a single value, or it is empty or contains only
     * comments. Returns {@code null} when the top level is a mapping, and for an empty file that
     * already has problems, because those explain why no tree was built.
     */
    public Finding notMappingProblem() {
        if (root != null) {
            return null;
        }
        if (document != null) {
            return parseError(document.span(), "The file cannot be parsed: the top level is "
                    + (document instanceof ListNode ? "a list" : "a single value") + ", but a"
                    + " template is a mapping of sections such as Resources.");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return parseError(SourceSpan.at(1, 1), "The file cannot be parsed: it is empty or"
                + " contains only comments, so it has no template.");
    }

    private Finding parseError(SourceSpan span, String message) {
        return new Finding(EngineChecks.PARSE_ERROR.id(), EngineChecks.PARSE_ERROR.severity(),
                message, file, span, null, List.of());
    }
}
