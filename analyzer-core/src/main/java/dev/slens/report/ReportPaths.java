package dev.slens.report;

/** Normalizes the display paths that the reports other than SARIF show. */
final class ReportPaths {

    private ReportPaths() {
    }

    /**
     * Returns {@code displayPath} with forward slashes and without a leading {@code ./}, so a
     * report looks the same on every platform and CI systems can match it to repository paths.
     */
    static String normalize(String displayPath) {
        String path = displayPath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }
}
