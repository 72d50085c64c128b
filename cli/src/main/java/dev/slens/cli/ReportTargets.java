package dev.slens.cli;

import dev.slens.AnalysisResult;
import dev.slens.AnalyzerException;
import dev.slens.model.SourceFile;
import dev.slens.report.AtomicFileWriter;
import dev.slens.report.ReportFormat;
import dev.slens.report.ReportOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides where each report of a scan goes and writes it. Each {@code --format FORMAT=FILE}
 * names its file, {@code --output} takes the one report given without a file, and a report
 * with neither goes to stdout. Problems are {@link AnalyzerException}s, which exit with code 2.
 */
final class ReportTargets {

    /**
     * One report to write.
     *
     * @param format the report format
     * @param file the file to write, or {@code null} for stdout
     */
    record Target(ReportFormat format, Path file) {
    }

    /** A report file that could not be written, with the file as the user gave it. */
    static final class WriteException extends IOException {

        private static final long serialVersionUID = 1L;

        private final transient Path file;

        WriteException(Path file, IOException cause) {
            super(cause.getMessage(), cause);
            this.file = file;
        }

        Path file() {
            return file;
        }

        IOException failure() {
            return (IOException) getCause();
        }
    }

    private final List<Target> targets;

    private ReportTargets(List<Target> targets) {
        this.targets = List.copyOf(targets);
    }

    /**
     * Resolves the values of {@code --format} and {@code --output}. Without any {@code --format},
     * the report is text. At most one report may go to stdout, and no two reports to one file.
     */
    static ReportTargets resolve(List<ReportRequest> requests, List<Path> outputs) {
        List<ReportRequest> given = requests == null || requests.isEmpty()
                ? List.of(new ReportRequest(ReportFormat.TEXT, null)) : requests;
        if (outputs != null && outputs.size() > 1) {
            throw new AnalyzerException("--output may be given only once; write each further"
                    + " report with --format FORMAT=FILE, such as --format sarif=slens.sarif");
        }
        Path output = outputs == null || outputs.isEmpty() ? null : outputs.get(0);
        List<String> withoutFile = given.stream().filter(r -> r.file() == null)
                .map(r -> name(r.format())).toList();
        if (output != null && withoutFile.isEmpty()) {
            throw new AnalyzerException("--output '" + output + "' has no report to write,"
                    + " because every --format names its own file; leave out --output or give"
                    + " one --format without '=FILE'");
        }
        if (withoutFile.size() > 1) {
            throw new AnalyzerException("only one report can go to " + (output == null
                    ? "stdout" : "--output") + ", but " + String.join(", ", withoutFile)
                    + " have no file; give the others one with --format FORMAT=FILE");
        }

        List<Target> targets = new ArrayList<>();
        for (ReportRequest request : given) {
            Path file = request.file() == null ? output : request.file();
            targets.add(new Target(request.format(), file));
        }
        checkDistinctFiles(targets);
        return new ReportTargets(targets);
    }

    /** Returns the reports in command-line order. */
    List<Target> targets() {
        return targets;
    }

    /** Returns whether a text report goes to stdout, where people read it in the terminal. */
    boolean textOnStdout() {
        return targets.stream().anyMatch(t -> t.file() == null && t.format() == ReportFormat.TEXT);
    }

    /** Checks that the folder of each report file exists and accepts new files. */
    void validateFiles() {
        for (Target target : targets) {
            if (target.file() != null) {
                validateFile(target.file());
            }
        }
    }

    /**
     * Rejects a report written to the {@code --write-baseline} file, because the report would
     * replace the baseline just written.
     */
    void checkNotBaseline(Path baseline) {
        if (baseline == null || baseline.toString().isEmpty()) {
            return;
        }
        Path target = baseline.toAbsolutePath().normalize();
        for (Target report : targets) {
            if (report.file() != null
                    && report.file().toAbsolutePath().normalize().equals(target)) {
                throw new AnalyzerException("report " + name(report.format()) + " and"
                        + " --write-baseline are both written to '" + report.file() + "'; give"
                        + " the report its own file");
            }
        }
    }

    /**
     * Prints a warning on stderr when a SARIF report gives some analyzed files absolute URIs,
     * because they lie outside the source root.
     */
    void warnOutsideSourceRoot(AnalysisResult result, ReportOptions options, PrintWriter err) {
        if (targets.stream().noneMatch(target -> target.format() == ReportFormat.SARIF)) {
            return;
        }
        String warning = options.outsideSourceRootWarning(result.files());
        if (warning != null) {
            err.println("warning: " + warning + " with --source-root");
            err.flush();
        }
    }

    /** Rejects a report file that is one of the templates just analyzed. */
    void checkNotAnalyzed(List<SourceFile> analyzed) {
        Set<Path> inputs = new HashSet<>();
        for (SourceFile file : analyzed) {
            inputs.add(file.path().toAbsolutePath().normalize());
        }
        for (Target target : targets) {
            if (target.file() != null
                    && inputs.contains(target.file().toAbsolutePath().normalize())) {
                throw new AnalyzerException("report " + name(target.format()) + " would overwrite"
                        + " the analyzed template '" + target.file() + "'; write it to another"
                        + " file");
            }
        }
    }

    /**
     * Writes every report in command-line order. Each file is replaced in one step by
     * {@link AtomicFileWriter}. When one file cannot be written, the reports after it are not
     * written either, and the ones before it stay written.
     */
    void write(AnalysisResult result, ReportOptions options, PrintWriter stdout)
            throws WriteException {
        for (Target target : targets) {
            if (target.file() == null) {
                try {
                    target.format().writer(options).write(result, stdout);
                } catch (IOException e) {
                    throw new IllegalStateException("writing to stdout failed", e);
                }
                continue;
            }
            try {
                AtomicFileWriter.write(target.file(),
                        out -> target.format().writer(options).write(result, out));
            } catch (IOException e) {
                throw new WriteException(target.file(), e);
            }
        }
    }

    private static void checkDistinctFiles(List<Target> targets) {
        Map<Path, Target> byFile = new HashMap<>();
        for (Target target : targets) {
            if (target.file() == null || target.file().toString().isEmpty()) {
                continue;
            }
            Target earlier = byFile.putIfAbsent(target.file().toAbsolutePath().normalize(),
                    target);
            if (earlier != null) {
                throw new AnalyzerException("reports " + name(earlier.format()) + " and "
                        + name(target.format()) + " are both written to '" + target.file()
                        + "'; give each report its own file");
            }
        }
    }

    /**
     * Checks that {@code output} names a file in an existing, writable folder.
     *
     * @throws AnalyzerException naming the output and the problem
     */
    static void validateFile(Path output) {
        // Path.of("") is the current folder, so an empty value would otherwise be reported as
        // a folder, which is not what the user typed.
        if (output.toString().isEmpty()) {
            throw new AnalyzerException("output path is empty; give a file name or leave out"
                    + " --output to print the report");
        }
        if (Files.isDirectory(output)) {
            throw new AnalyzerException("output '" + output
                    + "' is a folder; give a file name instead");
        }
        Path folder = output.toAbsolutePath().normalize().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new AnalyzerException("output folder not found: '" + folder
                    + "'; create it first");
        }
        if (!Files.isWritable(folder)) {
            throw new AnalyzerException("output folder is not writable: '" + folder + "'");
        }
    }

    private static String name(ReportFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }
}
