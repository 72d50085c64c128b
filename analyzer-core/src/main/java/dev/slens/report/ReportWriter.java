package dev.slens.report;

import dev.slens.AnalysisResult;
import java.io.IOException;
import java.io.Writer;

/** Writes an analysis result in one report format. */
public interface ReportWriter {

    /** Writes the whole report of {@code result} to {@code out}, without closing it. */
    void write(AnalysisResult result, Writer out) throws IOException;
}
