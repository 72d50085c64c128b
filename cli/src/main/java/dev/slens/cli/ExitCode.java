package dev.slens.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every slens command. Usage errors stop a command before it starts work.
 * When a finished scan matches several codes, it returns 1 before 5, 5 before 4, and 4 before 0.
 * Each command describes the codes it can return in its {@code --help}, through
 * {@link ExitCodeHelp}.
 */
public enum ExitCode {
    /** The command succeeded. For a scan, no finding reached the threshold. */
    OK(0),
    /** A bug or an unexpected failure, such as a report that could not be written. */
    INTERNAL_ERROR(1),
    /** Bad options or arguments, such as a path that does not exist. */
    USAGE(2),
    /** The analysis finished and found problems at or above the threshold. */
    FINDINGS(4),
    /** The analysis finished, but a file could not be parsed or a rule failed on it. */
    PROCESSING_ERRORS(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Returns the number the process exits with. */
    public int code() {
        return code;
    }

    /**
     * Returns {@code descriptions} in code order, keyed by number as picocli's exit code list
     * expects.
     */
    public static Map<String, String> helpList(Map<ExitCode, String> descriptions) {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitCode exitCode : values()) {
            if (descriptions.containsKey(exitCode)) {
                list.put(String.valueOf(exitCode.code), descriptions.get(exitCode));
            }
        }
        return list;
    }
}
