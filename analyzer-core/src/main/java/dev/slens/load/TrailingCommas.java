package dev.slens.load;

import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/** Finds commas that stand just before a closing bracket or brace in JSON text. */
final class TrailingCommas {

    private TrailingCommas() {
    }

    /** Returns the position of every trailing comma, skipping the insides of strings. */
    static List<SourceSpan> find(String text) {
        List<SourceSpan> found = new ArrayList<>();
        int line = 1;
        int column = 1;
        boolean inString = false;
        SourceSpan pendingComma = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                    column++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                pendingComma = null;
            } else if (c == ',') {
                pendingComma = SourceSpan.at(line, column);
            } else if (c == ']' || c == '}') {
                if (pendingComma != null) {
                    found.add(pendingComma);
                }
                pendingComma = null;
            } else if (!Character.isWhitespace(c)) {
                pendingComma = null;
            }
            boolean lineEnd = c == '\n'
                    || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineEnd) {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return found;
    }
}
