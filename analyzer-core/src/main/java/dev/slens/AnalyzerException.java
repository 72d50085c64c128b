package dev.slens;

/** A problem with the configuration or the file system that stops an analysis. */
public class AnalyzerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AnalyzerException(String message) {
        super(message);
    }

    public AnalyzerException(String message, Throwable cause) {
        super(message, cause);
    }
}
