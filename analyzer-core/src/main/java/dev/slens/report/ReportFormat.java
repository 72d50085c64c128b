package dev.slens.report;

import java.util.function.Supplier;

/** The report formats, by the name users give on the command line. */
public enum ReportFormat {
    /** One line a finding with the source line under it, for terminals and logs. */
    TEXT(TextReportWriter::new),
    /** SARIF 2.1.0, for GitHub code scanning and other dashboards. */
    SARIF(SarifReportWriter::new),
    /** slens's own versioned JSON schema, for scripts and other tools. */
    JSON(JsonReportWriter::new),
    /** GitHub Actions workflow commands, which annotate pull requests. */
    GITHUB(GithubReportWriter::new),
    /** A GitLab Code Quality report, which merge requests show. */
    GITLAB(GitlabReportWriter::new),
    /** JUnit XML, one test case per rule and file, for CI systems that show test reports. */
    JUNIT(JunitReportWriter::new);

    private final Supplier<ReportWriter> factory;

    ReportFormat(Supplier<ReportWriter> factory) {
        this.factory = factory;
    }

    /** Creates a writer for this format. */
    public ReportWriter writer() {
        return factory.get();
    }
}
