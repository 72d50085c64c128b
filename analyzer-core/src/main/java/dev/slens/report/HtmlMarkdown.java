package dev.slens.report;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the Markdown subset of the rule documentation as HTML: paragraphs, fenced code
 * blocks, bullet lists, tables, inline code, bold text and links. The text is escaped before
 * any markup is added, and only {@code http} and {@code https} links become anchors, so a
 * documentation file cannot inject markup or script.
 */
final class HtmlMarkdown {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\]]+)\\]\\((https?://[^)\\s]+)\\)");

    private HtmlMarkdown() {
    }

    /** Returns {@code markdown} as HTML block elements. */
    static String render(String markdown) {
        StringBuilder html = new StringBuilder();
        StringBuilder block = new StringBuilder();
        String kind = null;
        for (String line : markdown.split("\n", -1)) {
            if ("code".equals(kind)) {
                if (line.startsWith("```")) {
                    html.append("<pre class=\"doc-code\"><code>").append(HtmlText.escape(block
                            .toString())).append("</code></pre>\n");
                    block.setLength(0);
                    kind = null;
                } else {
                    block.append(line).append('\n');
                }
                continue;
            }
            String next = line.startsWith("```") ? "code" : line.isBlank() ? null
                    : line.startsWith("- ") ? "list" : line.startsWith("|") ? "table"
                    : line.startsWith("  ") && "list".equals(kind) ? "list" : "paragraph";
            if (!Objects.equals(next, kind) || "code".equals(next)) {
                flush(html, kind, block);
                kind = next;
            }
            if (next != null && !"code".equals(next)) {
                block.append(line).append('\n');
            }
        }
        flush(html, kind, block);
        return html.toString();
    }

    private static void flush(StringBuilder html, String kind, StringBuilder block) {
        String text = block.toString().strip();
        block.setLength(0);
        if (kind == null || text.isEmpty()) {
            return;
        }
        switch (kind) {
            case "list" -> {
                html.append("<ul>");
                for (String item : text.split("\n(?=- )")) {
                    html.append("<li>").append(inline(item.substring(2))).append("</li>");
                }
                html.append("</ul>\n");
            }
            case "table" -> table(html, text);
            default -> html.append("<p>").append(inline(text)).append("</p>\n");
        }
    }

    private static void table(StringBuilder html, String text) {
        html.append("<table class=\"doc-table\">");
        boolean header = true;
        for (String row : text.split("\n")) {
            if (row.matches("\\|[-| :]+\\|?")) {
                continue;
            }
            html.append("<tr>");
            String[] cells = row.replaceAll("^\\||\\|$", "").split("\\|");
            for (String cell : cells) {
                String tag = header ? "th" : "td";
                html.append('<').append(tag).append('>').append(inline(cell.strip()))
                        .append("</").append(tag).append('>');
            }
            html.append("</tr>");
            header = false;
        }
        html.append("</table>\n");
    }

    /** Returns one paragraph as HTML with inline code, bold text and links. */
    static String inline(String markdown) {
        String html = HtmlText.escape(markdown.replaceAll("\\s*\n\\s*", " "));
        html = CODE.matcher(html).replaceAll("<code>$1</code>");
        html = STRONG.matcher(html).replaceAll("<strong>$1</strong>");
        Matcher link = LINK.matcher(html);
        return link.replaceAll(match -> Matcher.quoteReplacement("<a href=\"" + match.group(2)
                + "\" rel=\"noreferrer\">" + match.group(1) + "</a>"));
    }
}
