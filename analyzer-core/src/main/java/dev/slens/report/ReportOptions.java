package dev.slens.report;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.slens.model.SourceFile;
import java.util.List;

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
     * Returns the default source root of a scan of {@code scanned} from {@code base}: the git
     * work tree that contains the base folder when it contains every scanned path too, else the
     * work tree that contains the first scanned path that is in one, else the base folder's
     * work tree, else the base folder. So a scan run from outside the repository still gets
     * URIs relative to the repository's root.
     */
    public static Path defaultSourceRoot(Path base, List<Path> scanned) {
        Path baseRoot = findRepositoryRoot(base);
        if (baseRoot != null && scanned.stream()
                .allMatch(path -> path.toAbsolutePath().normalize().startsWith(baseRoot))) {
            return baseRoot;
        }
        for (Path path : scanned) {
            Path absolute = path.toAbsolutePath().normalize();
            Path folder = Files.isDirectory(absolute) ? absolute : absolute.getParent();
            Path root = folder == null ? null : findRepositoryRoot(folder);
            if (root != null) {
                return root;
            }
        }
        return baseRoot == null ? base.toAbsolutePath().normalize() : baseRoot;
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
     * Returns a warning when some of {@code files} lie outside the source root, because the
     * SARIF report gives them absolute {@code file:} URIs, which GitHub code scanning cannot
     * place in the repository. Returns {@code null} when every file is inside it.
     */
    public String outsideSourceRootWarning(List<SourceFile> files) {
        List<Path> outside = files.stream().map(file -> outsideSourceRoot(file.displayPath()))
                .filter(path -> path != null).toList();
        if (outside.isEmpty()) {
            return null;
        }
        return outside.size() + " of " + files.size() + " files, such as '" + outside.get(0)
                + "', are outside the source root '" + sourceRoot + "', so the SARIF report"
                + " gives them absolute file: URIs that GitHub code scanning cannot show; set"
                + " the source root to the git work tree that contains them";
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
