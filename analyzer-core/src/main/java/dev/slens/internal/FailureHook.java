package dev.slens.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A test seam that makes the analysis of chosen files throw, so that tests can check how an
 * unexpected failure on one file is reported. Only tests set it; by default no file fails.
 */
public final class FailureHook {

    private static final Predicate<Path> NONE = path -> false;
    private static volatile Predicate<Path> failing = NONE;

    private FailureHook() {
    }

    /** Makes the analysis of each file that {@code files} accepts throw, until {@link #clear}. */
    public static void failOn(Predicate<Path> files) {
        failing = Objects.requireNonNull(files);
    }

    /** Lets every file be analyzed again. */
    public static void clear() {
        failing = NONE;
    }

    /** Throws an {@link IllegalStateException} when a test chose {@code file} to fail. */
    public static void check(Path file) {
        if (failing.test(file)) {
            throw new IllegalStateException("failure injected by a test for '" + file + "'");
        }
    }
}
