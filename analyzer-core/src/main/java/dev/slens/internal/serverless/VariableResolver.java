package dev.slens.internal.serverless;

import dev.slens.load.LoadLimits;
import dev.slens.load.ServerlessOptions;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves the variables of a Serverless Framework file without network access, as the
 * framework does before it compiles the file. A resolved node takes the span of the string in
 * which the user wrote the variable, unless it was read from a file that {@code ${file()}}
 * includes. Such a node keeps its span in that file. A value known only at deployment
 * ({@code ssm}, {@code s3}, {@code cf}, {@code param}, environment variables unless they were
 * passed, and any source this class does not know) becomes {@link Nodes#unresolved}, which
 * rules treat as unknown.
 */
final class VariableResolver {

    /** Deepest chain of variables that refer to variables, well past what real files use. */
    private static final int MAX_DEPTH = 64;
    /**
     * Largest total size that variables may copy into the file, counted as one per node plus
     * the characters of each string. It equals the largest file the loader reads (16 MiB), so
     * variables that repeat each other cannot turn a small file into one that exhausts memory.
     */
    static final long MAX_EXPANDED_SIZE = 16L * 1024 * 1024;

    private final MapNode root;
    private final ServerlessOptions options;
    private final FileIncludes includes;
    private final ServerlessProblems problems;
    private final VariableSources sources;
    private final Map<Node, Node> resolved = new IdentityHashMap<>();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Node, Size> sizes = new IdentityHashMap<>();
    private final long maxCopiedNodes;
    private long expandedSize;
    private long copiedNodes;
    private boolean expansionReported;
    private int depth;

    /** The nodes of a value, and its size: one per node plus the characters of its text. */
    private record Size(long nodes, long size) { }

    VariableResolver(MapNode root, ServerlessOptions options, LoadLimits limits,
            FileIncludes includes, ServerlessProblems problems) {
        this.root = root;
        this.maxCopiedNodes = limits.maxVariableNodes();
        this.options = options;
        this.includes = includes;
        this.problems = problems;
        this.sources = new VariableSources(this, options, includes, problems);
    }

    /** Returns the whole file with every variable resolved. */
    MapNode resolveRoot() {
        Node result = resolve(root);
        return result instanceof MapNode map ? map : new MapNode(List.of(), root.span());
    }

    MapNode root() {
        return root;
    }

    ServerlessOptions options() {
        return options;
    }

    /** Returns {@code node} with its variables resolved, computing each node once. */
    Node resolve(Node node) {
        Node done = resolved.get(node);
        if (done != null) {
            return done;
        }
        if (!inProgress.add(node)) {
            throw new VariableCycle();
        }
        try {
            Node result;
            if (node instanceof MapNode map) {
                List<MapNode.Entry> entries = new ArrayList<>();
                for (MapNode.Entry entry : map.entries()) {
                    entries.add(new MapNode.Entry(entry.key(), entry.keySpan(),
                            resolve(entry.value())));
                }
                result = new MapNode(entries, map.span());
            } else if (node instanceof ListNode list) {
                List<Node> items = new ArrayList<>();
                for (Node item : list.items()) {
                    items.add(resolve(item));
                }
                result = new ListNode(items, list.span());
            } else {
                result = resolveScalar((ScalarNode) node);
            }
            resolved.put(node, result);
            return result;
        } finally {
            inProgress.remove(node);
        }
    }

    /**
     * Returns the node at {@code path} below {@code start}, resolved, or {@code null} when the
     * path leads nowhere. A path through an unknown value returns that value. Containers on the
     * way are not resolved as a whole, so a sibling of the variable being resolved can be read
     * without a false cycle.
     */
    Node walk(Node start, List<String> path) {
        Node current = start;
        for (String segment : path) {
            current = shallow(current);
            if (Nodes.UNRESOLVED.equals(current.intrinsicName())) {
                // Below a value known only at deployment, every value is unknown too.
                return current;
            }
            if (current instanceof MapNode map) {
                current = map.get(segment);
            } else if (current instanceof ListNode list && segment.matches("\\d{1,9}")) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                current = null;
            }
            if (current == null) {
                return null;
            }
        }
        return resolve(current);
    }

    private Node shallow(Node node) {
        return node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.STRING
                && VariableSyntax.hasVariable(scalar.value()) ? resolve(node) : node;
    }

    private Node resolveScalar(ScalarNode scalar) {
        if (scalar.kind() != ScalarNode.Kind.STRING
                || !VariableSyntax.hasVariable(scalar.value())) {
            return scalar;
        }
        SourceSpan at = scalar.span();
        List<VariableSyntax.Part> parts = VariableSyntax.split(scalar.value());
        if (parts.size() == 1) {
            return toNode(parts.get(0).text(), at);
        }
        List<Node> pieces = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (VariableSyntax.Part part : parts) {
            Node piece = part.variable() ? toNode(part.text(), at) : Nodes.text(part.text(), at);
            if (piece instanceof ScalarNode value) {
                text.append(value.value() == null ? "null" : value.value());
                continue;
            }
            if (piece.intrinsicName() == null) {
                problems.add(EngineChecks.SLS_UNRESOLVED_VARIABLE, at, "Variable '${"
                        + part.text() + "}' is a mapping or list inside a longer string, which"
                        + " the framework rejects. Refer to a single value.");
                piece = Nodes.unresolved("${" + part.text() + "} is not a string", at);
            }
            if (text.length() > 0) {
                pieces.add(Nodes.text(text.toString(), at));
                text.setLength(0);
            }
            pieces.add(piece);
        }
        if (pieces.isEmpty()) {
            return Nodes.text(text.toString(), at);
        }
        if (text.length() > 0) {
            pieces.add(Nodes.text(text.toString(), at));
        }
        return Nodes.map(at, "Fn::Join", Nodes.list(at, List.of(Nodes.text("", at),
                Nodes.list(at, pieces))));
    }

    /** Resolves one variable written at {@code at} into the node that replaces it. */
    private Node toNode(String expression, SourceSpan at) {
        String written = "${" + expression + "}";
        Resolution resolution;
        try {
            resolution = evaluate(expression, at);
        } catch (VariableCycle cycle) {
            problems.add(EngineChecks.SLS_VARIABLE_CYCLE, at, "Variable '" + written + "' refers"
                    + " back to itself through other variables, so it has no value; the"
                    + " framework stops with an error. Break the loop.");
            return Nodes.unresolved(written + " refers to itself", at);
        }
        if (resolution instanceof Resolution.Found found) {
            return copy(found.node(), written, at);
        }
        if (resolution instanceof Resolution.Unknown unknown) {
            return Nodes.unresolved(unknown.reason(), at);
        }
        if (resolution instanceof Resolution.Missing missing) {
            problems.add(EngineChecks.SLS_UNRESOLVED_VARIABLE, at, "Variable '" + written
                    + "' has no value because " + missing.what() + ", and it has no fallback;"
                    + " the framework stops with an error. Define the value or add a fallback"
                    + " such as '${" + expression + ", 'default'}'.");
            return Nodes.unresolved(written + " has no value", at);
        }
        return Nodes.unresolved(written + " is invalid", at);
    }

    /**
     * Returns the value a variable found, placed at {@code at}, unless copying it would take the
     * file past {@link #MAX_EXPANDED_SIZE} or past {@link LoadLimits#maxVariableNodes()} copied
     * nodes. Past a limit it returns an unknown value, and the first variable that reaches a
     * limit is reported.
     */
    private Node copy(Node value, String written, SourceSpan at) {
        Size size = size(value);
        if (copiedNodes + size.nodes() > maxCopiedNodes) {
            return pastLimit(written, at, maxCopiedNodes + " nodes");
        }
        if (expandedSize + size.size() > MAX_EXPANDED_SIZE) {
            return pastLimit(written, at, MAX_EXPANDED_SIZE + " characters and nodes");
        }
        copiedNodes += size.nodes();
        expandedSize += size.size();
        Node copied = placed(value, at);
        sizes.put(copied, size);
        return copied;
    }

    private Node pastLimit(String written, SourceSpan at, String limit) {
        if (!expansionReported) {
            expansionReported = true;
            // Reported as a limit, like the loaders' limits: part of the service was not
            // analyzed, so the scan exits with code 5.
            problems.add(EngineChecks.PARSE_ERROR, at, "Variable '" + written
                    + "' takes the file past " + limit + " copied by variables, because"
                    + " variables repeat each other; slens stops expanding variables here and"
                    + " treats the remaining ones as unknown. Refer to each value fewer times.");
        }
        return Nodes.unresolved(written + " expands past the size limit", at);
    }

    /**
     * Returns a copy of {@code node} at {@code at}, the variable's span, except for the nodes
     * read from an included file: they keep their span in that file, so a finding on them
     * points at the line that sets the value.
     */
    private static Node placed(Node node, SourceSpan at) {
        if (node.span().file() != null) {
            return node;
        }
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry entry : map.entries()) {
                SourceSpan key = entry.keySpan().file() != null ? entry.keySpan() : at;
                entries.add(new MapNode.Entry(entry.key(), key, placed(entry.value(), at)));
            }
            return new MapNode(entries, at);
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            for (Node item : list.items()) {
                items.add(placed(item, at));
            }
            return new ListNode(items, at);
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(scalar.value(), scalar.kind(), at);
    }

    /**
     * Returns the nodes of {@code node} and its size: one per node plus the characters of keys
     * and strings.
     */
    private Size size(Node node) {
        Size known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long nodes = 1;
        long size = 1;
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                Size value = size(entry.value());
                nodes += value.nodes();
                size += entry.key().length() + value.size();
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                Size value = size(item);
                nodes += value.nodes();
                size += value.size();
            }
        } else if (node.text() != null) {
            size += node.text().length();
        }
        Size result = new Size(nodes, size);
        sizes.put(node, result);
        return result;
    }

    /** Resolves an expression: its sources in order, until one has a value. */
    Resolution evaluate(String expression, SourceSpan at) {
        if (depth >= MAX_DEPTH) {
            throw new VariableCycle();
        }
        depth++;
        try {
            List<String> list = VariableSyntax.sources(expression);
            Resolution.Missing firstMissing = null;
            for (int i = 0; i < list.size(); i++) {
                Resolution resolution = sources.resolve(list.get(i), at, i == list.size() - 1);
                if (!(resolution instanceof Resolution.Missing missing)) {
                    return resolution;
                }
                firstMissing = firstMissing == null ? missing : firstMissing;
            }
            return firstMissing;
        } finally {
            depth--;
        }
    }

    /** Raised when resolving a node needs that node itself. */
    static final class VariableCycle extends RuntimeException {
        private static final long serialVersionUID = 1L;

        VariableCycle() {
            super("variable cycle", null, false, false);
        }
    }
}
