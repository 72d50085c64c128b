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
 */
public record LoadLimits(long maxFileBytes, int maxDepth, int maxAliases, long maxNodes,
        int maxResources) {

    /** The limits used unless a caller sets others. */
    public static final LoadLimits DEFAULT =
            new LoadLimits(16L * 1024 * 1024, 200, 2_000, 2_000_000, 20_000);
}
