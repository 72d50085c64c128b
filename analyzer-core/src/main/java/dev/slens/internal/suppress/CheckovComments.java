package dev.slens.internal.suppress;

import dev.slens.internal.suppress.DeclaredSuppression.Form;
import dev.slens.model.MapNode;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads checkov's {@code # checkov:skip=ID[,ID...][:reason]} comments. Checkov applies such a
 * comment to the resource whose lines contain it. slens also applies the comment lines directly
 * above a resource's logical ID to that resource. Trailing comment lines of one resource count
 * as above the next, so each comment belongs to one resource. JSON templates have no comments.
 */
final class CheckovComments {

    private static final Pattern SKIP = Pattern.compile(
            "(?:^|\\s)#\\s*checkov:skip=([A-Za-z0-9_\\-]+(?:\\s*,\\s*[A-Za-z0-9_\\-]+)*)"
                    + "(?::(.*))?$");

    private CheckovComments() {
    }

    /**
     * Adds the checkov suppressions written in the YAML text of each resource of the template.
     * A resource read from another file, such as one a {@code serverless.yml} includes, is
     * left out.
     */
    static void read(Template template, List<DeclaredSuppression> out) {
        List<MapNode.Entry> own = template.resourceDefinitions().entries().stream()
                .filter(entry -> entry.keySpan().file() == null).toList();
        read(template.file().lines(), own, "resource", out);
    }

    /**
     * Adds the checkov suppressions written in the YAML text of each entry of {@code entries},
     * whose keys are in {@code lines}. A suppression's scope is the entry's key, and messages
     * name it as the {@code kind}, such as "function", of that key.
     */
    static void read(List<String> lines, Collection<MapNode.Entry> entries, String kind,
            List<DeclaredSuppression> out) {
        if (isJson(lines)) {
            return;
        }
        for (MapNode.Entry entry : entries) {
            int keyLine = entry.keySpan().line();
            if (keyLine < 1 || keyLine > lines.size() || entry.value() == null) {
                continue;
            }
            int first = firstLineAbove(lines, keyLine);
            int last = lastContentLine(lines, keyLine, entry.value().span());
            for (int line = first; line <= last; line++) {
                readLine(lines.get(line - 1), line, entry.key(),
                        "on " + kind + " '" + entry.key() + "'", out);
            }
        }
    }

    private static void readLine(String text, int line, String scope, String location,
            List<DeclaredSuppression> out) {
        Matcher matcher = SKIP.matcher(text);
        if (!matcher.find()) {
            return;
        }
        String reason = matcher.group(2) == null ? null : matcher.group(2).strip();
        int column = text.indexOf('#', matcher.start()) + 1;
        SourceSpan span = new SourceSpan(line, column, line, text.length() + 1);
        for (String id : matcher.group(1).split(",")) {
            out.add(new DeclaredSuppression(Form.CHECKOV, scope, id.strip(), reason, span,
                    location));
        }
    }

    /** Returns the first of the comment-only lines right above {@code keyLine}, or keyLine. */
    private static int firstLineAbove(List<String> lines, int keyLine) {
        int first = keyLine;
        while (first > 1 && lines.get(first - 2).strip().startsWith("#")) {
            first--;
        }
        return first;
    }

    /**
     * Returns the last line of the resource's value that is neither blank nor only a comment.
     * The value's span may end at the start of the next resource, so that line is left out
     * unless the span ends after its first non-blank character.
     */
    private static int lastContentLine(List<String> lines, int keyLine, SourceSpan value) {
        int last = Math.min(Math.max(value.endLine(), keyLine), lines.size());
        if (last > keyLine && value.endColumn() <= indent(lines.get(last - 1)) + 1) {
            last--;
        }
        while (last > keyLine && isBlankOrComment(lines.get(last - 1))) {
            last--;
        }
        return last;
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlankOrComment(String line) {
        String text = line.strip();
        return text.isEmpty() || text.startsWith("#");
    }

    private static boolean isJson(List<String> lines) {
        return lines.stream().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
                .map(line -> line.startsWith("{")).orElse(false);
    }
}
