package dev.slens.internal.packages;

import dev.slens.index.PackageMeasurement;
import dev.slens.index.PackageMeasurement.Kind;
import dev.slens.index.PackageMeasurement.Part;
import dev.slens.internal.files.ProjectPath;
import dev.slens.internal.io.FileReads;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Measures local deployment packages inside a project folder. A folder is walked, an archive's
 * central directory is read without inflating any entry, and a zipped size is found by
 * compressing into a stream that only counts bytes, so no package is ever held in memory.
 */
public final class PackageMeter {

    /** How many of the largest top-level entries a measurement lists. */
    static final int LARGEST_PARTS = 3;

    private final Path boundary;
    private final int maxFiles;

    /**
     * Creates a meter for packages inside {@code boundary} that counts at most
     * {@code maxFiles} files of one package.
     */
    public PackageMeter(Path boundary, int maxFiles) {
        this.boundary = boundary.toAbsolutePath().normalize();
        this.maxFiles = maxFiles;
    }

    /**
     * Measures the package at {@code location}, resolved against {@code templateFolder}; the
     * files of a folder are filtered by {@code patterns} (see {@link PackageFilter}).
     */
    public PackageMeasurement measure(Path templateFolder, String location,
            List<String> patterns) {
        ProjectPath.Resolved resolved = ProjectPath.resolve(boundary, templateFolder, location);
        Path target = resolved.path();
        if (resolved.outside()) {
            return notMeasured(location, target, "'" + location + "' "
                    + resolved.problem(boundary) + ", so it was not measured");
        }
        if (!resolved.readable()) {
            return notMeasured(location, target, "'" + location + "' "
                    + resolved.problem(boundary));
        }
        try {
            Path real = resolved.real();
            if (resolved.status() == ProjectPath.Status.FOLDER) {
                return measureFolder(location, real, PackageFilter.of(patterns));
            }
            if (isArchive(real)) {
                return measureArchive(location, real);
            }
            long bytes = Files.size(real);
            return new PackageMeasurement(location, real, Kind.FILE, bytes, 1, false,
                    List.of(new Part(real.getFileName().toString(), bytes)), null);
        } catch (ZipException e) {
            return notMeasured(location, target, "'" + location + "' is not a valid zip file: "
                    + e.getMessage());
        } catch (IOException e) {
            return notMeasured(location, target, "'" + location + "' cannot be read: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            return notMeasured(location, target, e.getMessage());
        }
    }

    /**
     * Returns the file size of a measured archive, or for a folder or single file the size of a
     * zip file of it compressed at the Deflater's default level. That is an estimate of what a
     * deployment tool builds, whose own compression level and headers may differ.
     */
    public long zippedBytes(PackageMeasurement measured, List<String> patterns)
            throws IOException {
        if (measured.kind() == Kind.ARCHIVE) {
            return Files.size(measured.path());
        }
        CountingSink sink = new CountingSink();
        try (ZipOutputStream zip = new ZipOutputStream(sink)) {
            if (measured.kind() == Kind.FILE) {
                addEntry(zip, measured.path(), measured.path().getFileName().toString());
            } else {
                FolderWalk.walk(measured.path(), PackageFilter.of(patterns), maxFiles,
                        (file, relative, bytes) -> addEntry(zip, file, relative));
            }
        }
        return sink.count;
    }

    /**
     * Returns why {@code location}, resolved against {@code templateFolder}, lies outside the
     * project folder, such as "leaves the project folder '/work/app'", or {@code null} when it
     * lies inside, does not exist behind a link, or is not a valid path.
     */
    public String outsideProject(Path templateFolder, String location) {
        ProjectPath.Resolved resolved = ProjectPath.resolve(boundary, templateFolder, location);
        return resolved.outside() ? resolved.problem(boundary) : null;
    }

    /**
     * Returns why {@code location}, resolved against {@code templateFolder}, is a path that
     * cannot be a package, such as "is not a regular file but a named pipe, socket or device"
     * or a symbolic link loop, or {@code null} otherwise. Nothing is opened.
     */
    public String notPackage(Path templateFolder, String location) {
        ProjectPath.Resolved resolved = ProjectPath.resolve(boundary, templateFolder, location);
        boolean special = resolved.status() == ProjectPath.Status.SPECIAL
                || resolved.status() == ProjectPath.Status.LOOP;
        return special ? resolved.problem(boundary) : null;
    }

    private PackageMeasurement measureFolder(String location, Path folder, PackageFilter filter)
            throws IOException {
        Sizes sizes = new Sizes();
        FolderWalk.Outcome outcome = FolderWalk.walk(folder, filter, maxFiles,
                (file, relative, bytes) -> sizes.add(relative, bytes));
        return new PackageMeasurement(location, folder, Kind.FOLDER, sizes.total, sizes.files,
                outcome.truncated(), sizes.largest(), null);
    }

    private PackageMeasurement measureArchive(String location, Path archive) throws IOException {
        Sizes sizes = new Sizes();
        boolean truncated = false;
        try (ZipFile zip = FileReads.openZip(archive)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (entry.isDirectory()) {
                    continue;
                }
                if (sizes.files >= maxFiles) {
                    truncated = true;
                    break;
                }
                sizes.add(entry.getName(), Math.max(0, entry.getSize()));
            }
        }
        return new PackageMeasurement(location, archive, Kind.ARCHIVE, sizes.total, sizes.files,
                truncated, sizes.largest(), null);
    }

    private static void addEntry(ZipOutputStream zip, Path file, String name)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        try (InputStream in = FileReads.newInputStream(file)) {
            in.transferTo(zip);
        }
        zip.closeEntry();
    }

    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".zip") || name.endsWith(".jar");
    }

    private static PackageMeasurement notMeasured(String location, Path path, String problem) {
        return new PackageMeasurement(location, path, Kind.NOT_MEASURED, 0, 0, false, List.of(),
                problem);
    }

    /** Running totals of a package, per top-level entry. */
    private static final class Sizes {
        private final Map<String, Long> parts = new HashMap<>();
        private long total;
        private int files;

        void add(String relative, long bytes) {
            int slash = relative.indexOf('/');
            String part = slash < 0 ? relative : relative.substring(0, slash + 1);
            parts.merge(part, bytes, Sizes::saturatedSum);
            total = saturatedSum(total, bytes);
            files++;
        }

        List<Part> largest() {
            List<Part> sorted = new ArrayList<>();
            parts.forEach((name, bytes) -> sorted.add(new Part(name, bytes)));
            sorted.sort(Comparator.comparingLong(Part::bytes).reversed()
                    .thenComparing(Part::name));
            return sorted.subList(0, Math.min(LARGEST_PARTS, sorted.size()));
        }

        private static long saturatedSum(long a, long b) {
            long sum = a + b;
            return sum < 0 ? Long.MAX_VALUE : sum;
        }
    }

    /** An output stream that discards what it is given and counts the bytes. */
    private static final class CountingSink extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
