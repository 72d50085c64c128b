package dev.slens.load;

import dev.slens.model.SourceSpan;

/** A file that cannot be turned into a tree, with the place that stopped the parser. */
public class LoadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourceSpan span;

    public LoadException(String message, SourceSpan span) {
        super(message);
        this.span = span;
    }

    public LoadException(String message, SourceSpan span, Throwable cause) {
        super(message, cause);
        this.span = span;
    }

    /** Returns where the problem is, or {@link SourceSpan#NONE}. */
    public SourceSpan span() {
        return span == null ? SourceSpan.NONE : span;
    }
}
