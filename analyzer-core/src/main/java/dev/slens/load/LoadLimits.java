package dev.slens.load;

/**
 * Bounds that make hostile input fail fast. CloudFormation accepts templates of at most 1 MB
 * from S3 and at most 500 resources in a stack, so the defaults leave ample room for real files.
 *
 * @param maxFileBytes largest file read
 * @param maxDepth deepest nesting of maps and lists
 * @param maxAliases most YAML aliases to collections in one file
 * @param maxNodes most nodes in a file once aliases and merge keys are expanded
 * @param maxResources most entries in a template's Resources section, as written
 * @param maxAliasedChars maximum characters of text that YAML aliases repeat in one file: each
 *     alias counts the characters of every string in the node it refers to
 * @param maxVariableNodes maximum nodes that Serverless Framework variables copy into one file
 */
public record LoadLimits(long maxFileBytes, int maxDepth, int maxAliases, long maxNodes,
        int maxResources, long maxAliasedChars, long maxVariableNodes) {

    /**
     * Default for {@link #maxAliasedChars()}: as much text as the largest file holds, so aliases
     * can at most double the text that rules read.
     */
    public static final long DEFAULT_MAX_ALIASED_CHARS = 16L * 1024 * 1024;
    /** Default for {@link #maxVariableNodes()}: half of the default node limit of a file. */
    public static final long DEFAULT_MAX_VARIABLE_NODES = 1_000_000;

    /** The limits used unless a caller sets others. */
    public static final LoadLimits DEFAULT =
            new LoadLimits(16L * 1024 * 1024, 200, 2_000, 2_000_000, 20_000);

    /** Creates limits with the default budgets for aliased text and variable copies. */
    public LoadLimits(long maxFileBytes, int maxDepth, int maxAliases, long maxNodes,
            int maxResources) {
        this(maxFileBytes, maxDepth, maxAliases, maxNodes, maxResources,
                DEFAULT_MAX_ALIASED_CHARS, DEFAULT_MAX_VARIABLE_NODES);
    }
}
