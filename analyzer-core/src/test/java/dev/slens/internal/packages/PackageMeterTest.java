package dev.slens.internal.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.index.PackageMeasurement;
import dev.slens.index.PackageMeasurement.Kind;
import dev.slens.index.PackageMeasurement.Part;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageMeterTest {

    private static final long MB = 1024L * 1024L;

    @TempDir
    Path temp;

    private Path project() throws IOException {
        return Files.createDirectories(temp.resolve("project"));
    }

    private static void write(Path file, int bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
    }

    /** Creates a sparse file of {@code bytes}, which takes almost no disk space. */
    private static void sparse(Path file, long bytes) throws IOException {
        Files.createDirectories(file.getParent());
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
    }

    private static PackageMeasurement measure(Path project, String location,
            List<String> patterns) {
        return new PackageMeter(project, 1000).measure(project, location, patterns);
    }

    @Test
    void folderSumsFileSizes() throws IOException {
        Path project = project();
        write(project.resolve("src/app.py"), 100);
        write(project.resolve("src/lib/a.py"), 250);
        write(project.resolve("src/lib/b.py"), 50);

        PackageMeasurement measured = measure(project, "src/", List.of());

        assertEquals(Kind.FOLDER, measured.kind());
        assertEquals(400, measured.unzippedBytes());
        assertEquals(3, measured.files());
        assertEquals(List.of(new Part("lib/", 300), new Part("app.py", 100)),
                measured.largest());
    }

    @Test
    void sparseFolderOverQuotaMeasuredWithoutReading() throws IOException {
        Path project = project();
        sparse(project.resolve("src/model.bin"), 300 * MB);

        PackageMeasurement measured = measure(project, "src", List.of());

        assertEquals(300 * MB, measured.unzippedBytes());
    }

    @Test
    void zippedSizeOfSparseFolderCountsCompressedBytes() throws IOException {
        Path project = project();
        sparse(project.resolve("src/zeros.bin"), 60 * MB);
        PackageMeter meter = new PackageMeter(project, 1000);

        long zipped = meter.zippedBytes(meter.measure(project, "src", List.of()), List.of());

        assertTrue(zipped > 0, "zipped size " + zipped);
        assertTrue(zipped < MB, "60 MB of zeros compress to under 1 MB, not " + zipped);
    }

    @Test
    void archiveSizesComeFromCentralDirectory() throws IOException {
        Path project = project();
        Path archive = project.resolve("function.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new ZipEntry("lib/"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("lib/data.txt"));
            zip.write(new byte[70_000]);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("app.py"));
            zip.write(new byte[10]);
            zip.closeEntry();
        }

        PackageMeasurement measured = measure(project, "function.zip", List.of());

        assertEquals(Kind.ARCHIVE, measured.kind());
        assertEquals(70_010, measured.unzippedBytes());
        assertEquals(2, measured.files());
        assertEquals(new Part("lib/", 70_000), measured.largest().get(0));
    }

    @Test
    void invalidArchiveNotMeasured() throws IOException {
        Path project = project();
        Files.writeString(project.resolve("broken.jar"), "not a zip");

        PackageMeasurement measured = measure(project, "broken.jar", List.of());

        assertFalse(measured.measured());
        assertTrue(measured.problem().contains("is not a valid zip file"), measured.problem());
    }

    @Test
    void locationLeavingProjectNotMeasured() throws IOException {
        Path project = project();
        write(temp.resolve("outside/app.py"), 10);

        PackageMeasurement measured = measure(project, "../outside", List.of());

        assertFalse(measured.measured());
        assertTrue(measured.problem().contains("leaves the project folder"), measured.problem());
    }

    @Test
    void locationLinkLeavingProjectNotMeasured() throws IOException {
        Path project = project();
        write(temp.resolve("outside/app.py"), 10);
        Files.createSymbolicLink(project.resolve("src"), temp.resolve("outside"));

        PackageMeasurement measured = measure(project, "src", List.of());

        assertFalse(measured.measured());
        assertTrue(measured.problem().contains("is a link that leaves"), measured.problem());
    }

    @Test
    void linksInsideFolderNotFollowed() throws IOException {
        Path project = project();
        write(project.resolve("src/app.py"), 10);
        sparse(temp.resolve("outside/big.bin"), 300 * MB);
        Files.createSymbolicLink(project.resolve("src/big.bin"), temp.resolve("outside/big.bin"));
        Files.createSymbolicLink(project.resolve("src/dir"), temp.resolve("outside"));

        PackageMeasurement measured = measure(project, "src", List.of());

        assertEquals(10, measured.unzippedBytes());
        assertEquals(1, measured.files());
    }

    @Test
    void missingLocationNotMeasured() throws IOException {
        PackageMeasurement measured = measure(project(), "target/app.jar", List.of());

        assertFalse(measured.measured());
        assertTrue(measured.problem().contains("was not found"), measured.problem());
    }

    @Test
    void walkStopsAtFileLimit() throws IOException {
        Path project = project();
        for (int i = 0; i < 10; i++) {
            write(project.resolve("src/f" + i + ".txt"), 1);
        }

        PackageMeasurement measured = new PackageMeter(project, 4).measure(project, "src",
                List.of());

        assertTrue(measured.truncated());
        assertEquals(4, measured.files());
    }

    @Test
    void patternsApplyInOrder() throws IOException {
        Path project = project();
        write(project.resolve("serverless.yml"), 1000);
        write(project.resolve("src/app.js"), 10);
        write(project.resolve("src/README.md"), 100);
        write(project.resolve("node_modules/a/index.js"), 20);
        write(project.resolve("node_modules/a/docs/guide.md"), 400);

        PackageMeasurement measured = measure(project, ".", List.of("!serverless.yml",
                "!**/*.md", "src/README.md"));

        assertEquals(130, measured.unzippedBytes());
    }

    @Test
    void invalidPatternNamedInProblem() throws IOException {
        Path project = project();
        write(project.resolve("src/app.js"), 10);

        PackageMeasurement measured = measure(project, "src", List.of("src/{a"));

        assertFalse(measured.measured());
        assertTrue(measured.problem().contains("'src/{a'"), measured.problem());
    }

    @Test
    void singleFileIsItsOwnPackage() throws IOException {
        Path project = project();
        write(project.resolve("handler.py"), 42);

        PackageMeasurement measured = measure(project, "handler.py", List.of());

        assertEquals(Kind.FILE, measured.kind());
        assertEquals(42, measured.unzippedBytes());
    }
}
