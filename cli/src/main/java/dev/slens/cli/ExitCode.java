package dev.slens.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every slens command. Usage errors stop a command before it starts work.
 * When a finished scan matches several codes, it returns 1 before 5, 5 before 4, and 4 before 0.
 */
public enum ExitCode {
    /** No finding at or above the {@code --fail-on} threshold, and every file was analyzed. */
    OK(0, "No finding at or above --fail-on, and every file was analyzed."),
    /** A bug or an unexpected failure, such as a report that could not be written. */
    INTERNAL_ERROR(1, "Unexpected internal error, or the report could not be written."),
    /** Bad options or arguments, such as a path that does not exist. */
    USAGE(2, "Usage or configuration error, such as an unknown option or a missing path."),
    /** The analysis finished and found problems at or above the threshold. */
    FINDINGS(4, "Findings at or above --fail-on."),
    /** The analysis finished, but a file could not be parsed or a rule failed on it. */
    PROCESSING_ERRORS(5, "Finished, but some file could not be parsed or a rule failed on it"
            + " (SL0001, SL0003). This code wins over 4 and applies with --fail-on none too.");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Returns the number the process exits with. */
    public int code() {
        return code;
    }

    /** Returns the sentence that {@code --help} shows for this code. */
    public String description() {
        return description;
    }

    /** Returns every code with its description, in the key format picocli's help expects. */
    public static Map<String, String> helpList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            list.put(String.valueOf(exitCode.code), exitCode.description);
        }
        return list;
    }
}
