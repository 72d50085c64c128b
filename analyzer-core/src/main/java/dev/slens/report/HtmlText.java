package dev.slens.report;

/**
 * Escapes text for HTML element content and quoted attribute values. Everything that comes from
 * a template or a rule goes through {@link #escape}, so no such value can become markup.
 */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * Returns {@code text} with {@code & < > " '} replaced by character references, and control
     * characters other than tab, CR and LF replaced by U+FFFD, because HTML forbids them.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        String clean = ControlCharacters.replace(text, true);
        StringBuilder html = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.toString();
    }
}
