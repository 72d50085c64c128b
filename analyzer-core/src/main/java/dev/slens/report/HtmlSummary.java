package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the summary of the HTML report: totals by severity, and a table and a bar chart of the
 * findings that no suppression covers, by pillar and severity. The chart is inline SVG, so it
 * needs neither JavaScript nor the network.
 */
final class HtmlSummary {

    private static final int BAR_WIDTH = 420;
    private static final int ROW_HEIGHT = 28;
    private static final int LABEL_WIDTH = 120;

    private HtmlSummary() {
    }

    /** Appends the summary section of {@code result} to {@code html}. */
    static void append(StringBuilder html, AnalysisResult result) {
        Map<String, Map<Severity, Integer>> byPillar = countByPillar(result);
        Map<Severity, Integer> totals = new EnumMap<>(Severity.class);
        for (Map<Severity, Integer> counts : byPillar.values()) {
            counts.forEach((severity, count) -> totals.merge(severity, count, Integer::sum));
        }

        html.append("<section id=\"summary\" aria-labelledby=\"summary-title\">\n")
                .append("<h2 id=\"summary-title\">Summary</h2>\n<div class=\"cards\">\n");
        for (Severity severity : Severity.values()) {
            card(html, "sev-" + label(severity), totals.getOrDefault(severity, 0),
                    plural(totals.getOrDefault(severity, 0), label(severity)));
        }
        card(html, "suppressed", (int) result.suppressedCount(), "suppressed");
        card(html, "files", result.files().size(), plural(result.files().size(), "file")
                + " analyzed");
        html.append("</div>\n");

        if (byPillar.isEmpty()) {
            html.append("<p class=\"clean\">No findings. Every rule passed on every file.</p>\n");
        } else {
            html.append("<div class=\"summary-grid\">\n");
            table(html, byPillar);
            chart(html, byPillar);
            html.append("</div>\n");
        }
        html.append("</section>\n");
    }

    /** Returns the pillar of {@code finding}'s rule as the reports name it. */
    static String pillar(AnalysisResult result, Finding finding) {
        var rule = result.rule(finding.ruleId());
        return rule == null || rule.pillar() == null ? "engine" : rule.pillar().packageName();
    }

    static String label(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Map<Severity, Integer>> countByPillar(AnalysisResult result) {
        Map<String, Map<Severity, Integer>> counts = new LinkedHashMap<>();
        for (Finding finding : result.unsuppressedFindings()) {
            counts.computeIfAbsent(pillar(result, finding), p -> new EnumMap<>(Severity.class))
                    .merge(finding.severity(), 1, Integer::sum);
        }
        return counts;
    }

    private static void card(StringBuilder html, String kind, int count, String text) {
        html.append("<div class=\"card ").append(kind).append("\"><span class=\"count\">")
                .append(count).append("</span> ").append(HtmlText.escape(text)).append("</div>\n");
    }

    private static void table(StringBuilder html, Map<String, Map<Severity, Integer>> byPillar) {
        html.append("<table class=\"pillars\"><caption>Open findings by pillar</caption>\n")
                .append("<thead><tr><th scope=\"col\">Pillar</th>");
        for (Severity severity : Severity.values()) {
            html.append("<th scope=\"col\">").append(label(severity)).append("</th>");
        }
        html.append("<th scope=\"col\">total</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, Map<Severity, Integer>> row : byPillar.entrySet()) {
            html.append("<tr><th scope=\"row\">").append(HtmlText.escape(row.getKey()))
                    .append("</th>");
            int total = 0;
            for (Severity severity : Severity.values()) {
                int count = row.getValue().getOrDefault(severity, 0);
                total += count;
                html.append("<td>").append(count).append("</td>");
            }
            html.append("<td>").append(total).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Appends a horizontal bar per pillar, split by severity and scaled to the largest bar. */
    private static void chart(StringBuilder html, Map<String, Map<Severity, Integer>> byPillar) {
        int max = byPillar.values().stream()
                .mapToInt(counts -> counts.values().stream().mapToInt(Integer::intValue).sum())
                .max().orElse(1);
        int height = byPillar.size() * ROW_HEIGHT + 8;
        html.append("<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(LABEL_WIDTH + BAR_WIDTH + 40).append(' ').append(height)
                .append("\" aria-labelledby=\"chart-title\"><title id=\"chart-title\">")
                .append("Open findings by pillar and severity</title>\n");
        int y = 4;
        for (Map.Entry<String, Map<Severity, Integer>> row : byPillar.entrySet()) {
            html.append("<text x=\"0\" y=\"").append(y + 18).append("\">")
                    .append(HtmlText.escape(row.getKey())).append("</text>");
            int x = LABEL_WIDTH;
            int total = 0;
            for (Severity severity : Severity.values()) {
                int count = row.getValue().getOrDefault(severity, 0);
                if (count == 0) {
                    continue;
                }
                int width = Math.max(2, count * BAR_WIDTH / max);
                html.append("<rect class=\"bar-").append(label(severity)).append("\" x=\"")
                        .append(x).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(width).append("\" height=\"18\"><title>")
                        .append(HtmlText.escape(row.getKey())).append(": ").append(count)
                        .append(' ').append(label(severity)).append("</title></rect>");
                x += width;
                total += count;
            }
            html.append("<text class=\"total\" x=\"").append(x + 6).append("\" y=\"")
                    .append(y + 18).append("\">").append(total).append("</text>\n");
            y += ROW_HEIGHT;
        }
        html.append("</svg>\n");
    }

    private static String plural(int count, String noun) {
        return count == 1 || noun.equals("info") ? noun : noun + "s";
    }
}
