package dev.slens.maven;

import dev.slens.AnalysisResult;
import dev.slens.report.AtomicFileWriter;
import dev.slens.report.ReportFormat;
import dev.slens.report.ReportOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes one report file per format. Each report goes to a temporary file in the output folder
 * first and is then renamed over the target, so a reader never sees a half-written report.
 */
final class ReportFiles {

    private ReportFiles() {
    }

    /** Returns the file name of the report in {@code format}, such as {@code slens.sarif}. */
    static String fileName(ReportFormat format) {
        return switch (format) {
            case SARIF -> "slens.sarif";
            case JSON -> "slens.json";
            case TEXT -> "slens.txt";
            case GITHUB -> "slens-github.txt";
            case GITLAB -> "slens-gitlab.json";
            case JUNIT -> "slens-junit.xml";
            case HTML -> "slens.html";
        };
    }

    /** Returns the format called {@code name}, ignoring case, or {@code null}. */
    static ReportFormat formatNamed(String name) {
        for (ReportFormat format : ReportFormat.values()) {
            if (format.name().equalsIgnoreCase(name)) {
                return format;
            }
        }
        return null;
    }

    /**
     * Returns the formats of {@code names}, in order and each once. Blank entries are skipped,
     * since Maven passes one for "sarif,,junit"; an unknown name throws
     * {@link IllegalArgumentException} with a message for the user.
     */
    static Set<ReportFormat> formatsNamed(List<String> names) {
        Set<ReportFormat> formats = new LinkedHashSet<>();
        for (String name : names) {
            if (name == null || name.isBlank()) {
                continue;
            }
            ReportFormat format = formatNamed(name.trim());
            if (format == null) {
                throw new IllegalArgumentException("Invalid report format '" + name.trim()
                        + "', expected one of " + formatNames());
            }
            formats.add(format);
        }
        return formats;
    }

    /** Returns the lowercase format names, comma-separated, for error messages. */
    static String formatNames() {
        return Arrays.stream(ReportFormat.values())
                .map(format -> format.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** Writes a report in each format to {@code directory} and returns the files written. */
    static List<Path> write(AnalysisResult result, Set<ReportFormat> formats, Path directory)
            throws IOException {
        return write(result, formats, directory, ReportOptions.DEFAULT);
    }

    /**
     * Writes a report in each format to {@code directory} with {@code options} and returns the
     * files written.
     */
    static List<Path> write(AnalysisResult result, Set<ReportFormat> formats, Path directory,
            ReportOptions options) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path target = directory.resolve(fileName(format));
            AtomicFileWriter.write(target, out -> format.writer(options).write(result, out));
            written.add(target);
        }
        return written;
    }
}
