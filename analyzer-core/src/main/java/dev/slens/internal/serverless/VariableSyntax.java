package dev.slens.internal.serverless;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits Serverless Framework variable syntax: a string into literal text and
 * <code>${source:address, fallback}</code> expressions, and an expression into its sources.
 * Braces nest, so <code>${self:custom.${opt:stage}}</code> is one expression, and quoted
 * fallbacks may hold commas and braces.
 */
final class VariableSyntax {

    /**
     * A source name with a colon or a parenthesized argument, as in {@code self:custom.x} or
     * {@code file(./a.yml)}. A CloudFormation {@code Fn::Sub} reference such as
     * <code>${AWS::Region}</code> or <code>${Queue.Arn}</code> does not match and stays text.
     */
    private static final Pattern SOURCE =
            Pattern.compile("^[A-Za-z][A-Za-z0-9_]*(\\(.*\\))?(:.*)?$", Pattern.DOTALL);

    private VariableSyntax() {
    }

    /** One piece of a string: literal text, or the inside of a variable without its braces. */
    record Part(String text, boolean variable) { }

    /** Splits {@code value} into literal text and variables; unclosed braces stay text. */
    static List<Part> split(String value) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int position = 0;
        while (position < value.length()) {
            int start = value.indexOf("${", position);
            int end = start < 0 ? -1 : closingBrace(value, start + 2);
            if (start < 0 || end < 0) {
                literal.append(value, position, value.length());
                break;
            }
            String inner = value.substring(start + 2, end);
            literal.append(value, position, start);
            if (isVariable(inner)) {
                if (literal.length() > 0) {
                    parts.add(new Part(literal.toString(), false));
                    literal.setLength(0);
                }
                parts.add(new Part(inner.strip(), true));
            } else {
                literal.append(value, start, end + 1);
            }
            position = end + 1;
        }
        if (literal.length() > 0 || parts.isEmpty()) {
            parts.add(new Part(literal.toString(), false));
        }
        return parts;
    }

    /** Returns whether {@code value} contains at least one Serverless Framework variable. */
    static boolean hasVariable(String value) {
        return value.contains("${") && split(value).stream().anyMatch(Part::variable);
    }

    /** Returns whether the inside of <code>${...}</code> is a Serverless Framework variable. */
    static boolean isVariable(String inner) {
        String text = inner.strip();
        if (text.startsWith("AWS::")) {
            return false;
        }
        int comma = topLevelComma(text, 0);
        String first = comma < 0 ? text : text.substring(0, comma).strip();
        return SOURCE.matcher(first).matches() && (first.contains(":") || first.contains("("));
    }

    /** Splits an expression at its top-level commas into trimmed sources. */
    static List<String> sources(String expression) {
        List<String> sources = new ArrayList<>();
        int position = 0;
        while (true) {
            int comma = topLevelComma(expression, position);
            if (comma < 0) {
                sources.add(expression.substring(position).strip());
                return sources;
            }
            sources.add(expression.substring(position, comma).strip());
            position = comma + 1;
        }
    }

    /** Returns the text of a quoted literal such as {@code 'dev'}, or {@code null}. */
    static String quoted(String source) {
        if (source.length() >= 2) {
            char first = source.charAt(0);
            if ((first == '\'' || first == '"') && source.charAt(source.length() - 1) == first) {
                return source.substring(1, source.length() - 1);
            }
        }
        return null;
    }

    /** Returns the index of the brace that closes a variable opened before {@code from}. */
    private static int closingBrace(String text, int from) {
        int depth = 1;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if ((c == '\'' || c == '"') && isQuoteStart(text, i)) {
                quote = c;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Returns whether the quote at {@code index} opens a literal: after a comma or a brace. */
    private static boolean isQuoteStart(String text, int index) {
        int i = index - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && (text.charAt(i) == ',' || text.charAt(i) == '{');
    }

    private static int topLevelComma(String text, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
