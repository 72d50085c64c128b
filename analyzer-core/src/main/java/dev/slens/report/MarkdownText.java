package dev.slens.report;

import java.util.regex.Pattern;

/**
 * Turns the small Markdown subset of the rule documentation into plain text for viewers that
 * show no Markdown: headings, fenced code blocks, inline code, emphasis and links.
 */
final class MarkdownText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern STRONG = Pattern.compile("\\*\\*([^*]+)\\*\\*");

    private MarkdownText() {
    }

    /**
     * Returns {@code markdown} as plain text. Headings lose their {@code #} marks, code blocks
     * lose their fences and are indented by four spaces, and a link becomes its text followed
     * by the URL in parentheses.
     */
    static String plain(String markdown) {
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                text.append("    ").append(line);
            } else if (line.startsWith("#")) {
                text.append(line.replaceFirst("^#+\\s*", ""));
            } else {
                text.append(inline(line));
            }
            text.append('\n');
        }
        return text.toString().strip();
    }

    /** Returns one line of prose without inline Markdown marks. */
    static String inline(String line) {
        String text = LINK.matcher(line).replaceAll("$1 ($2)");
        text = STRONG.matcher(text).replaceAll("$1");
        return text.replace("`", "");
    }

    /** Returns a paragraph as one line of plain text, with its line breaks as spaces. */
    static String paragraph(String markdown) {
        return inline(markdown.replaceAll("\\s*\n\\s*", " ")).strip();
    }
}
