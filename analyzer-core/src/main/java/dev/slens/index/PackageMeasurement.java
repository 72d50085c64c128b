package dev.slens.index;

import java.nio.file.Path;
import java.util.List;

/**
 * The size of a local deployment package, measured without extracting or building it.
 *
 * @param location the location as the template writes it
 * @param path the absolute path it resolves to
 * @param kind what the location is, or why it was not measured
 * @param unzippedBytes the size of the files the package contains; for an archive, the sum of
 *     the sizes its central directory declares
 * @param files the number of files counted
 * @param truncated whether the walk stopped at the file limit, so that the sizes are a lower
 *     bound
 * @param largest the largest top-level entries, biggest first: files by name, folders with a
 *     trailing {@code /} and the size of everything below them
 * @param problem why the package was not measured, or {@code null}
 */
public record PackageMeasurement(String location, Path path, Kind kind, long unzippedBytes,
        int files, boolean truncated, List<Part> largest, String problem) {

    /** The kind of file system entry a package location names. */
    public enum Kind {
        /** A folder, zipped by the deployment tool. */
        FOLDER,
        /** A {@code .zip} or {@code .jar} file, deployed as it is. */
        ARCHIVE,
        /** Any other single file, zipped by the deployment tool. */
        FILE,
        /** Not measured: see {@link PackageMeasurement#problem()}. */
        NOT_MEASURED
    }

    /** One top-level entry of a package and the bytes it holds. */
    public record Part(String name, long bytes) { }

    public PackageMeasurement {
        largest = List.copyOf(largest);
    }

    /** Returns whether the package was measured. */
    public boolean measured() {
        return kind != Kind.NOT_MEASURED;
    }

    static PackageMeasurement notMeasured(String location, Path path, String problem) {
        return new PackageMeasurement(location, path, Kind.NOT_MEASURED, 0, 0, false, List.of(),
                problem);
    }
}
