package dev.slens.report;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;

/**
 * Builds SARIF {@code region} and {@code contextRegion} objects from source spans. Lines and
 * columns are 1-based and columns count UTF-16 code units, as Java string indices do.
 */
final class SarifRegions {

    /** Spans longer than this many lines get no snippet, to keep large reports small. */
    static final int MAX_SNIPPET_LINES = 10;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SarifRegions() {
    }

    /**
     * Adds {@code region}, and {@code contextRegion} when it shows more than the region, to
     * {@code physicalLocation}. An unknown span becomes a region over the whole file, because
     * GitHub code scanning needs a region on every result.
     */
    static void addRegions(ObjectNode physicalLocation, SourceFile file, SourceSpan span) {
        if (!span.isKnown()) {
            ObjectNode region = physicalLocation.putObject("region");
            region.put("startLine", 1);
            region.put("endLine", lineCount(file));
            return;
        }

        Bounds bounds = bounds(file, span);
        ObjectNode region = physicalLocation.putObject("region");
        region.put("startLine", bounds.startLine());
        if (bounds.startColumn() > 0) {
            region.put("startColumn", bounds.startColumn());
        }
        region.put("endLine", bounds.endLine());
        if (bounds.endColumn() > 0) {
            region.put("endColumn", bounds.endColumn());
        }

        if (bounds.endLine() - bounds.startLine() >= MAX_SNIPPET_LINES
                || bounds.endLine() > file.lines().size()) {
            return;
        }
        String lines = lines(file, bounds.startLine(), bounds.endLine());
        String text = bounds.startColumn() > 0 ? slice(file, bounds) : lines;
        if (!text.isBlank()) {
            region.putObject("snippet").put("text", text);
        }

        if (!lines.isBlank() && !lines.equals(text)) {
            ObjectNode context = physicalLocation.putObject("contextRegion");
            context.put("startLine", bounds.startLine());
            context.put("endLine", bounds.endLine());
            context.putObject("snippet").put("text", lines);
        }
    }

    /** Returns the number of lines, not counting the empty one after a final line break. */
    static int lineCount(SourceFile file) {
        int count = file.lines().size();
        if (count > 0 && file.lines().get(count - 1).isEmpty()) {
            count--;
        }
        return Math.max(1, count);
    }

    /**
     * Returns the region to report. A span with no width on one line grows to the end of that
     * line's text, so that dashboards have something to underline.
     */
    private static Bounds bounds(SourceFile file, SourceSpan span) {
        int startLine = span.line();
        int endLine = Math.max(span.endLine(), startLine);
        int startColumn = Math.max(span.column(), 0);
        if (startColumn == 0) {
            return new Bounds(startLine, 0, endLine, 0);
        }
        int endColumn = span.endColumn();
        if (endLine == startLine && endColumn <= startColumn) {
            int lineEnd = normalizeLineBreaks(file.line(startLine)).stripTrailing().length() + 1;
            endColumn = Math.max(lineEnd, startColumn);
        }
        return new Bounds(startLine, startColumn, endLine, Math.max(endColumn, 0));
    }

    private static String slice(SourceFile file, Bounds bounds) {
        StringBuilder text = new StringBuilder();
        for (int number = bounds.startLine(); number <= bounds.endLine(); number++) {
            String line = normalizeLineBreaks(file.line(number));
            int from = number == bounds.startLine() ? clamp(bounds.startColumn() - 1, line) : 0;
            int to = number == bounds.endLine() && bounds.endColumn() > 0
                    ? clamp(bounds.endColumn() - 1, line) : line.length();
            text.append(line, from, Math.max(from, to));
            if (number < bounds.endLine()) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static String lines(SourceFile file, int startLine, int endLine) {
        StringBuilder text = new StringBuilder();
        for (int number = startLine; number <= endLine; number++) {
            text.append(normalizeLineBreaks(file.line(number)));
            if (number < endLine) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static int clamp(int index, String line) {
        return Math.min(Math.max(index, 0), line.length());
    }

    /** Replaces CRLF and lone CR line breaks with LF. */
    static String normalizeLineBreaks(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private record Bounds(int startLine, int startColumn, int endLine, int endColumn) {
    }
}
