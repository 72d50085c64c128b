package dev.slens.index;

import dev.slens.internal.packages.PackageMeter;
import dev.slens.model.RecordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Measures the local deployment packages a template names, such as a SAM {@code CodeUri} that
 * is a folder. A location must lie inside the project folder: a path or symbolic link that
 * leaves it is not measured. Each package is measured once per template, so rules that ask
 * about the same package share the work.
 */
public final class PackageSizes {

    /** How many files of one package are counted before the walk stops. */
    public static final int DEFAULT_MAX_FILES = 100_000;

    private record Key(String location, List<String> patterns) {

        /** Compares every component, as the generated method does; see {@link RecordHash}. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(location, key.location)
                    && Objects.equals(patterns, key.patterns);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(location, patterns);
        }
    }

    private final Path templateFolder;
    private final PackageMeter meter;
    private final Map<Key, PackageMeasurement> measurements = new HashMap<>();
    private final Map<Key, Long> zipped = new HashMap<>();

    /**
     * Creates the sizes of packages named by a template in {@code templateFolder}. The
     * boundary is {@code projectFolder} when the template lies inside it, else the template's
     * own folder.
     */
    public PackageSizes(Path projectFolder, Path templateFolder, int maxFiles) {
        this.templateFolder = templateFolder.toAbsolutePath().normalize();
        Path project = projectFolder == null ? null : projectFolder.toAbsolutePath().normalize();
        Path boundary = project != null && this.templateFolder.startsWith(project) ? project
                : this.templateFolder;
        this.meter = new PackageMeter(boundary, maxFiles);
    }

    /**
     * Returns the size of the package at {@code location}, relative to the template's folder.
     * A folder's files are filtered by {@code patterns}, glob patterns applied in order where a
     * leading {@code !} excludes; an empty list keeps every file.
     */
    public synchronized PackageMeasurement measure(String location, List<String> patterns) {
        return measurements.computeIfAbsent(new Key(location, List.copyOf(patterns)),
                key -> meter.measure(templateFolder, key.location(), key.patterns()));
    }

    /**
     * Returns why {@code location}, relative to the template's folder, lies outside the project
     * folder, or {@code null} when it lies inside. Nothing is read from the package.
     */
    public String outsideProject(String location) {
        return meter.outsideProject(templateFolder, location);
    }

    /**
     * Returns why {@code location}, relative to the template's folder, cannot be a package,
     * such as a named pipe or a symbolic link loop, or {@code null} when it can.
     */
    public String notPackage(String location) {
        return meter.notPackage(templateFolder, location);
    }

    /**
     * Returns the size of the zip file deployed for a measured package. For an archive it is the
     * archive's own size. For a folder or single file it is the size of the zip file the
     * deployment tool would build, found by compressing it into a counter. Empty when the
     * package was not measured or its files cannot be read.
     */
    public synchronized OptionalLong zippedBytes(String location, List<String> patterns) {
        PackageMeasurement measured = measure(location, patterns);
        if (!measured.measured()) {
            return OptionalLong.empty();
        }
        Key key = new Key(location, List.copyOf(patterns));
        Long bytes = zipped.get(key);
        if (bytes == null) {
            try {
                bytes = meter.zippedBytes(measured, key.patterns());
            } catch (IOException | UncheckedIOException e) {
                bytes = -1L;
            }
            zipped.put(key, bytes);
        }
        return bytes < 0 ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
