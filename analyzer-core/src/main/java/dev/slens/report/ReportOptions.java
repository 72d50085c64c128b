package dev.slens.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of a scan that some report writers need besides the analysis result.
 *
 * @param baseDirectory the folder that the display paths of the result are relative to, or
 *     {@code null} when unknown
 * @param sourceRoot the folder that SARIF artifact URIs are relative to, normally the root of
 *     the repository, or {@code null} to use the display paths as they are
 */
public record ReportOptions(Path baseDirectory, Path sourceRoot) {

    /** Options that keep every path as the scan displays it. */
    public static final ReportOptions DEFAULT = new ReportOptions(null, null);

    public ReportOptions {
        baseDirectory = baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
        sourceRoot = sourceRoot == null ? null : sourceRoot.toAbsolutePath().normalize();
    }

    /**
     * Returns the nearest folder at or above {@code start} that contains {@code .git}, or
     * {@code null} when there is none. A {@code .git} file counts too, because worktrees and
     * submodules have one in place of the folder.
     */
    public static Path findRepositoryRoot(Path start) {
        Path folder = start.toAbsolutePath().normalize();
        while (folder != null) {
            if (Files.exists(folder.resolve(".git"))) {
                return folder;
            }
            folder = folder.getParent();
        }
        return null;
    }

    /**
     * Returns the absolute path of {@code displayPath} when it lies outside the source root, or
     * {@code null} when it lies inside it or either folder is unknown. A relative URI with
     * {@code ../} would point outside the repository, where dashboards find nothing.
     */
    public Path outsideSourceRoot(String displayPath) {
        if (baseDirectory == null || sourceRoot == null) {
            return null;
        }
        Path file = baseDirectory.resolve(displayPath.replace('\\', '/')).normalize();
        return file.startsWith(sourceRoot) ? null : file;
    }

    /**
     * Returns {@code displayPath} relative to the source root, with forward slashes, when the
     * file lies inside it; otherwise returns {@code displayPath} unchanged.
     */
    public String sourceRelative(String displayPath) {
        if (baseDirectory == null || sourceRoot == null) {
            return displayPath;
        }
        Path file = baseDirectory.resolve(displayPath.replace('\\', '/')).normalize();
        if (!file.startsWith(sourceRoot) || file.equals(sourceRoot)) {
            return displayPath;
        }
        return sourceRoot.relativize(file).toString().replace('\\', '/');
    }
}
