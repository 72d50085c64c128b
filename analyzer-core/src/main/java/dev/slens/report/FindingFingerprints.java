package dev.slens.report;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Computes the line-independent fingerprints of the findings of one run, which SARIF's
 * {@code partialFingerprints}, the GitLab report and baselines share.
 *
 * <p>The value is the SHA-256 of the rule ID, the file's path (the display path, or for a
 * baseline the path from the baseline's folder), the logical ID and the location key, followed
 * by {@code :} and a counter that distinguishes findings with equal hashes, in the order they
 * are passed. The location key is the JSON pointer of the deepest
 * node of the file's tree at the finding's position, such as
 * {@code /Resources/Orders/Properties/Timeout}. When no node is there, as for a parse error, it
 * is the text of the finding's line without its comment, quotes, trailing comma and whitespace.
 * Line and column numbers and the message are left out, so moving lines, re-indenting, adding
 * comments, reordering resources or rewording a message keeps the fingerprint.
 */
public final class FindingFingerprints {

    private static final Pattern YAML_COMMENT = Pattern.compile("(^|\\s)#.*$");
    private static final Pattern IGNORED_CHARACTERS = Pattern.compile("[\\s\"',]+");

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Map<String, Optional<MapNode>> trees = new HashMap<>();
    private final Function<SourceFile, String> pathKey;

    /** Creates fingerprints that take each file's display path as its path. */
    public FindingFingerprints() {
        this(SourceFile::displayPath);
    }

    /**
     * Creates fingerprints that take {@code pathKey} of each file as its path, so that a
     * baseline can name files relative to its own folder rather than to the current folder.
     */
    public FindingFingerprints(Function<SourceFile, String> pathKey) {
        this.pathKey = pathKey;
    }

    /**
     * Returns the fingerprint of {@code finding}, counting earlier findings with equal hashes.
     * The file is parsed again from the lines the finding keeps, once per display path.
     */
    public String next(Finding finding) {
        MapNode root = trees.computeIfAbsent(finding.file().displayPath(),
                path -> Optional.ofNullable(parse(finding.file()))).orElse(null);
        String hash = hash(finding, pathKey.apply(finding.file()), root);
        int occurrence = occurrences.merge(hash, 1, Integer::sum);
        return hash + ":" + occurrence;
    }

    /** Returns the fingerprints of {@code findings}, in their order. */
    public static List<String> of(List<Finding> findings) {
        return of(findings, SourceFile::displayPath);
    }

    /** Returns the fingerprints of {@code findings}, with {@code pathKey} giving file paths. */
    public static List<String> of(List<Finding> findings, Function<SourceFile, String> pathKey) {
        FindingFingerprints fingerprints = new FindingFingerprints(pathKey);
        return findings.stream().map(fingerprints::next).toList();
    }

    /** Returns the hash of {@code finding}, whose file has the tree {@code root} or none. */
    static String hash(Finding finding, MapNode root) {
        return hash(finding, finding.file().displayPath(), root);
    }

    private static String hash(Finding finding, String path, MapNode root) {
        String logicalId = finding.logicalId() == null ? "" : finding.logicalId();
        MessageDigest digest = sha256();
        for (String part : new String[] {finding.ruleId(), path,
                logicalId, locationKey(finding, root)}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String locationKey(Finding finding, MapNode root) {
        SourceSpan span = finding.span();
        if (!span.isKnown()) {
            return "";
        }
        String pointer = root == null ? null : pointer(root, span.line(), span.column(), "");
        if (pointer != null) {
            return pointer;
        }
        String line = finding.file().line(span.line());
        String withoutComment = YAML_COMMENT.matcher(line).replaceFirst("");
        return "line:" + IGNORED_CHARACTERS.matcher(withoutComment).replaceAll("");
    }

    /**
     * Returns the JSON pointer of the deepest key or value in {@code node} that covers the
     * position, or {@code null} when none does. A position on a key gives the key's pointer.
     */
    private static String pointer(Node node, int line, int column, String path) {
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                String child = path + "/" + escape(entry.key());
                if (covers(entry.keySpan(), line, column)) {
                    return child;
                }
                if (entry.value() != null && covers(entry.value().span(), line, column)) {
                    String deeper = pointer(entry.value(), line, column, child);
                    return deeper != null ? deeper : child;
                }
            }
            return null;
        }
        if (node instanceof ListNode list) {
            List<Node> items = list.items();
            for (int i = 0; i < items.size(); i++) {
                if (covers(items.get(i).span(), line, column)) {
                    String child = path + "/" + i;
                    String deeper = pointer(items.get(i), line, column, child);
                    return deeper != null ? deeper : child;
                }
            }
            return null;
        }
        return covers(node.span(), line, column) ? path : null;
    }

    /** Returns whether the position is in {@code span}, or is its start when it is empty. */
    private static boolean covers(SourceSpan span, int line, int column) {
        if (span == null || !span.isKnown()) {
            return false;
        }
        boolean afterStart = line > span.line() || line == span.line() && column >= span.column();
        boolean beforeEnd = line < span.endLine()
                || line == span.endLine() && column < span.endColumn();
        boolean atEmptyStart = line == span.line() && column == span.column();
        return afterStart && beforeEnd || atEmptyStart;
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static MapNode parse(SourceFile file) {
        String text = String.join("\n", file.lines());
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parse(file.path(), file.displayPath(), text);
        return loaded.root();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
