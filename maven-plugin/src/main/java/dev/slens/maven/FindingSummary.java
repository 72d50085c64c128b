package dev.slens.maven;

import dev.slens.AnalysisResult;
import dev.slens.Analyzer;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds the log line and the build failure messages of a finished analysis. */
final class FindingSummary {

    /** How many findings a failure message lists before it gives only the count of the rest. */
    static final int MAX_LISTED = 10;

    private static final Set<String> PROCESSING_ERROR_IDS =
            Set.of(EngineChecks.PARSE_ERROR.id(), EngineChecks.RULE_FAILURE.id());

    /** Orders the most severe findings first, and otherwise by file, line and rule. */
    private static final Comparator<Finding> WORST_FIRST =
            Comparator.comparing(Finding::severity).thenComparing(Analyzer.ORDER);

    /** The Maven log level of a finding's line. */
    enum LogLevel { ERROR, WARNING, INFO }

    /**
     * One line for the Maven log.
     *
     * @param level the level to log it at
     * @param text the line without the level
     */
    record LogLine(LogLevel level, String text) {
    }

    private FindingSummary() {
    }

    /**
     * Returns one line with the counts of files, findings by severity and skipped files, and
     * the report files.
     */
    static String oneLine(AnalysisResult result, List<Path> reports) {
        String bySeverity = List.of(Severity.values()).stream()
                .map(severity -> severity == Severity.INFO ? count(result, severity) + " info"
                        : plural(count(result, severity), severity.label()))
                .collect(Collectors.joining(", "));
        String reportList = reports.stream().map(Path::toString)
                .collect(Collectors.joining(", "));
        String suppressed = (result.suppressedCount() == 0
                ? "" : ", " + result.suppressedCount() + " suppressed")
                + (result.baselineCount() == 0
                ? "" : ", " + result.baselineCount() + " in the baseline");
        long unparsed = unparsedFiles(result).size();
        String files = plural(result.files().size() - unparsed, "file") + " analyzed"
                + (unparsed == 0 ? "" : ", " + plural(unparsed, "file") + " not parsed");
        return "slens: " + files + ", "
                + plural(result.newFindings().size(), "finding") + " (" + bySeverity + ")"
                + suppressed + ", " + result.skipped().size() + " skipped; reports: "
                + (reportList.isEmpty() ? "none" : reportList);
    }

    /**
     * Returns the failure message naming the worst findings at or above {@code threshold}, and
     * the {@code reports} that list all of them.
     */
    static String failure(AnalysisResult result, Severity threshold, List<Path> reports) {
        List<Finding> failing = result.newFindings().stream()
                .filter(finding -> finding.severity().atLeast(threshold))
                .sorted(WORST_FIRST)
                .toList();
        StringBuilder message = new StringBuilder("slens found ")
                .append(plural(failing.size(), "finding"))
                .append(" at or above failOn '").append(threshold.label()).append("':");
        appendListed(message, failing);
        appendReports(message, reports);
        return message.toString();
    }

    /**
     * Returns the error message naming the files that could not be parsed or checked, then
     * {@code hints} one per line, then the {@code reports}.
     */
    static String processingErrors(AnalysisResult result, List<Path> reports,
            List<String> hints) {
        List<Finding> errors = result.findings().stream()
                .filter(finding -> PROCESSING_ERROR_IDS.contains(finding.ruleId()))
                .toList();
        Set<String> files = errors.stream().map(finding -> finding.file().displayPath())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder message = new StringBuilder("slens could not analyze ")
                .append(plural(files.size(), "file")).append(": ")
                .append(String.join(", ", files));
        appendListed(message, errors);
        hints.forEach(hint -> message.append(System.lineSeparator()).append(hint));
        appendReports(message, reports);
        return message.toString();
    }

    private static void appendReports(StringBuilder message, List<Path> reports) {
        if (!reports.isEmpty()) {
            message.append(System.lineSeparator()).append("Reports: ").append(reports.stream()
                    .map(Path::toString).collect(Collectors.joining(", ")));
        }
    }

    private static void appendListed(StringBuilder message, List<Finding> findings) {
        for (Finding finding : findings.subList(0, Math.min(MAX_LISTED, findings.size()))) {
            message.append(System.lineSeparator()).append("  ").append(describe(finding));
        }
        if (findings.size() > MAX_LISTED) {
            message.append(System.lineSeparator()).append("  and ")
                    .append(findings.size() - MAX_LISTED).append(" more");
        }
    }

    /** Returns {@code file:line:column: severity ID [LogicalId] message}. */
    static String describe(Finding finding) {
        String resource = finding.logicalId() == null ? "" : " [" + finding.logicalId() + "]";
        return location(finding) + finding.severity().label() + " " + finding.ruleId()
                + resource + " " + finding.message();
    }

    /**
     * Returns one Maven log line per new finding at or above {@code logLevel}, as
     * {@code file:line:column: ID message}. A finding that reaches {@code failOn} is logged at
     * ERROR level. The others are logged at WARNING level, or at INFO level for info findings.
     *
     * @param failOn the severity that fails the build, or {@code null} when none does
     */
    static List<LogLine> logLines(AnalysisResult result, Severity logLevel, Severity failOn) {
        return result.newFindings().stream()
                .filter(finding -> finding.severity().atLeast(logLevel))
                .map(finding -> new LogLine(logLevel(finding.severity(), failOn),
                        location(finding) + finding.ruleId() + " " + finding.message()))
                .toList();
    }

    private static LogLevel logLevel(Severity severity, Severity failOn) {
        if (failOn != null && severity.atLeast(failOn)) {
            return LogLevel.ERROR;
        }
        return severity == Severity.INFO ? LogLevel.INFO : LogLevel.WARNING;
    }

    private static String location(Finding finding) {
        return finding.file().displayPath() + ":" + finding.span().line() + ":"
                + finding.span().column() + ": ";
    }

    /** Returns the files that could not be parsed (SL0001), in scan order. */
    private static Set<String> unparsedFiles(AnalysisResult result) {
        return result.findings().stream()
                .filter(finding -> finding.ruleId().equals(EngineChecks.PARSE_ERROR.id()))
                .map(finding -> finding.file().displayPath())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static long count(AnalysisResult result, Severity severity) {
        return result.newFindings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
