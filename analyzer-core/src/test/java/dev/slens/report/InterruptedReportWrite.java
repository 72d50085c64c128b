package dev.slens.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A program that starts writing a report with {@link AtomicFileWriter} and stops halfway: it
 * writes half a report, flushes it, prints {@code writing} on stdout and then waits to be
 * killed. {@code AtomicFileWriterTest} runs it in a child JVM to interrupt a real write. With a
 * second argument, it writes that text as the whole report instead and exits.
 */
final class InterruptedReportWrite {

    private InterruptedReportWrite() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            AtomicFileWriter.write(Path.of(args[0]), out -> out.write(args[1]));
            return;
        }
        AtomicFileWriter.write(Path.of(args[0]), out -> {
            out.write("{\"version\": \"2.1.0\", \"runs\": [");
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
