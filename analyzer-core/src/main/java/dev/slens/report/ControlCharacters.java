package dev.slens.report;

/**
 * Replaces the control characters of template text before it reaches a terminal or a CI log,
 * where an escape sequence could repaint the screen and a line break could start a line that
 * the CI runner reads as a command, such as GitHub's {@code ::error::}.
 */
final class ControlCharacters {

    private static final int REPLACEMENT = 0xFFFD;

    private ControlCharacters() {
    }

    /** Returns {@code text} with every C0 and C1 control character but tab replaced by U+FFFD. */
    static String replace(String text) {
        return replace(text, false);
    }

    /** Returns {@code text} with control characters replaced, keeping CR and LF when asked. */
    static String replace(String text, boolean keepLineBreaks) {
        StringBuilder result = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\r' || c == '\n';
            boolean control = c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F;
            if (control && !(lineBreak && keepLineBreaks)) {
                if (result == null) {
                    result = new StringBuilder(text.length()).append(text, 0, i);
                }
                result.append((char) REPLACEMENT);
            } else if (result != null) {
                result.append(c);
            }
        }
        return result == null ? text : result.toString();
    }
}
