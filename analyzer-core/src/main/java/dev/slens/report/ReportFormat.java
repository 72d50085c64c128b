package dev.slens.report;

import java.util.function.Function;

/** The report formats, by the name users give on the command line. */
public enum ReportFormat {
    /** One line a finding with the source line under it, for terminals and logs. */
    TEXT(options -> new TextReportWriter()),
    /** SARIF 2.1.0, for GitHub code scanning and other dashboards. */
    SARIF(SarifReportWriter::new),
    /** slens's own versioned JSON schema, for scripts and other tools. */
    JSON(options -> new JsonReportWriter()),
    /** GitHub Actions workflow commands, which annotate pull requests. */
    GITHUB(options -> new GithubReportWriter()),
    /** A GitLab Code Quality report, which merge requests show. */
    GITLAB(options -> new GitlabReportWriter()),
    /** JUnit XML, one test case per rule and file, for CI systems that show test reports. */
    JUNIT(options -> new JunitReportWriter()),
    /** One self-contained HTML page with a summary, filters and the rules' advice. */
    HTML(options -> new HtmlReportWriter());

    private final Function<ReportOptions, ReportWriter> factory;

    ReportFormat(Function<ReportOptions, ReportWriter> factory) {
        this.factory = factory;
    }

    /** Creates a writer for this format that keeps every path as the scan displays it. */
    public ReportWriter writer() {
        return writer(ReportOptions.DEFAULT);
    }

    /** Creates a writer for this format with {@code options}. */
    public ReportWriter writer(ReportOptions options) {
        return factory.apply(options);
    }
}
