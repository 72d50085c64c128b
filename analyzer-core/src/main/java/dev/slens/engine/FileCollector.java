package dev.slens.engine;

import dev.slens.AnalyzerException;
import dev.slens.internal.files.ProjectPath;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the files to analyze. Folders are walked without following links into folders, skipping
 * tool caches and build output and what the configured {@link PathExcludes} leave out; only YAML,
 * JSON and {@code .template} files are taken from folders, while a regular file named directly is
 * always taken, even when an exclude pattern matches it. A named path that is neither a regular
 * file nor a folder, such as a named pipe, is rejected. A link to a file is taken under its
 * target's path, and each file only once. In a folder, only links whose target is in that folder
 * are taken. Skipped links and special files are logged at INFO level and counted. A folder or
 * named path that cannot be read, and a named link loop, become {@link Unreadable} entries, which
 * the analysis reports as findings while it goes on with the other files.
 */
public final class FileCollector {

    private static final Logger LOG = LoggerFactory.getLogger(FileCollector.class);

    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", ".git", ".aws-sam",
            ".serverless", ".idea", ".vscode", "target", "__pycache__", ".venv", "venv");
    private static final Set<String> EXTENSIONS = Set.of(".yaml", ".yml", ".json", ".template");
    /**
     * Serverless Framework service files written in code, which slens cannot read; they are
     * collected so that the analysis reports them instead of passing over them silently.
     */
    public static final Set<String> SERVERLESS_CODE_FILES = Set.of("serverless.ts",
            "serverless.js", "serverless.mjs", "serverless.cjs");

    /**
     * One file to analyze.
     *
     * @param path the real file
     * @param displayPath the path reports show
     * @param explicit whether the user named this file rather than a folder holding it
     */
    public record Candidate(Path path, String displayPath, boolean explicit) { }

    /**
     * A folder or named path that could not be listed or read, with the reason as a sentence
     * fragment such as "the folder cannot be read: permission denied".
     */
    public record Unreadable(Path path, String displayPath, String reason) { }

    /** Walks a folder tree; a seam so that tests can make a folder fail as if unreadable. */
    interface TreeWalker {
        void walk(Path root, FileVisitor<Path> visitor) throws IOException;
    }

    private final Path baseDirectory;
    private final PathExcludes excludes;
    private final TreeWalker walker;
    private final List<Unreadable> unreadable = new ArrayList<>();
    private int skipped;

    public FileCollector(Path baseDirectory) {
        this(baseDirectory, PathExcludes.NONE);
    }

    /** Creates a collector whose folder walks leave out what {@code excludes} matches. */
    public FileCollector(Path baseDirectory, PathExcludes excludes) {
        this(baseDirectory, excludes, Files::walkFileTree);
    }

    FileCollector(Path baseDirectory, PathExcludes excludes, TreeWalker walker) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        this.excludes = excludes;
        this.walker = walker;
    }

    /** Returns the folders and named paths that {@link #collect} could not read so far. */
    public synchronized List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }

    /** Returns how many links and special files {@link #collect} skipped and logged so far. */
    public synchronized int skipped() {
        return skipped;
    }

    /** Returns the files under {@code paths}, each once, in a stable order. */
    public synchronized List<Candidate> collect(List<Path> paths) {
        Map<Path, Candidate> found = new LinkedHashMap<>();
        for (Path given : paths) {
            Path path = given.toAbsolutePath().normalize();
            ProjectPath.Resolved named = ProjectPath.inspect(path);
            if (named.status() == ProjectPath.Status.MISSING) {
                throw new AnalyzerException(Files.isSymbolicLink(path)
                        ? "symbolic link '" + given + "' leads to no file: its target is missing"
                        : "path not found: '" + given + "'");
            }
            if (named.status() == ProjectPath.Status.LOOP
                    || named.status() == ProjectPath.Status.UNREADABLE) {
                unreadable.add(new Unreadable(path, display(path), "the path "
                        + named.problem(path)));
                continue;
            }
            if (Files.isDirectory(path)) {
                walk(path, found);
            } else if (Files.isRegularFile(path)) {
                // A link is read under its target's path, so a template reached both through
                // a link and directly is analyzed once.
                Path real = realPath(path);
                Path file = Files.isSymbolicLink(path) ? real : path;
                found.putIfAbsent(real, new Candidate(file, display(file), true));
            } else {
                // Reading a named pipe blocks until a writer appears, and a device may never end.
                throw new AnalyzerException("not a regular file: '" + given + "'");
            }
        }
        return new ArrayList<>(found.values());
    }

    private void walk(Path root, Map<Path, Candidate> found) {
        Path realRoot = realPath(root);
        List<Path> files = new ArrayList<>();
        try {
            walker.walk(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    boolean skip = !dir.equals(root)
                            && (SKIPPED_FOLDERS.contains(dir.getFileName().toString())
                            || excludes.excludes(dir));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        if (hasTemplateExtension(file) && !excludes.excludes(file)) {
                            files.add(file);
                        }
                    } else if (attributes.isSymbolicLink()) {
                        addLinkedFile(file, root, realRoot, files);
                    } else {
                        skip("Skipped '{}': not a regular file or folder, such as a named"
                                + " pipe, socket or device", display(file));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unreadable.add(new Unreadable(file, display(file), walkFailure(file, e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new AnalyzerException("failed to list folder '" + root + "': " + e.getMessage(),
                    e);
        }
        files.sort(null);
        for (Path file : files) {
            found.putIfAbsent(realPath(file), new Candidate(file, display(file), false));
        }
    }

    /**
     * Adds the target of link {@code link}, under its path inside the walked folder, when it is
     * a template file in that folder. A link that leaves the folder, or leads to a folder, to
     * nothing or into a loop, is skipped, so a folder scan never reads files outside the folder.
     */
    private void addLinkedFile(Path link, Path root, Path realRoot, List<Path> files) {
        ProjectPath.Resolved linked = ProjectPath.inspect(link);
        if (linked.status() == ProjectPath.Status.LOOP) {
            skip("Skipped '{}': a symbolic link loop, whose links point at each other",
                    display(link));
            return;
        }
        if (linked.status() == ProjectPath.Status.MISSING
                || linked.status() == ProjectPath.Status.UNREADABLE) {
            skip("Skipped '{}': a symbolic link whose target is missing", display(link));
            return;
        }
        Path target = linked.real();
        if (!target.startsWith(realRoot)) {
            skip("Skipped '{}': a symbolic link to '{}', outside the scanned folder; name"
                    + " its target to analyze it", display(link), target);
            return;
        }
        if (linked.status() != ProjectPath.Status.FILE) {
            skip("Skipped '{}': a symbolic link to a folder or special file, which folder"
                    + " scans do not follow", display(link));
            return;
        }
        Path file = root.resolve(realRoot.relativize(target));
        if (hasTemplateExtension(file) && !excludes.excludes(file)) {
            files.add(file);
        }
    }

    private void skip(String message, Object... arguments) {
        skipped++;
        LOG.info(message, arguments);
    }

    /** Returns why a walk could not enter or read {@code file}, in words without class names. */
    private static String walkFailure(Path file, IOException e) {
        String kind = Files.isDirectory(file) ? "the folder" : "the file";
        if (e instanceof AccessDeniedException) {
            return kind + " cannot be read: permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "the folder is reached again through a symbolic link loop";
        }
        ProjectPath.Resolved resolved = ProjectPath.inspect(file);
        return resolved.readable() ? kind + " cannot be read: " + e.getMessage()
                : kind + " " + resolved.problem(file);
    }

    /** Returns the path of {@code path} with links resolved, or {@code path} if that fails. */
    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private static boolean hasTemplateExtension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith) || SERVERLESS_CODE_FILES.contains(name);
    }

    /**
     * Returns the path of {@code file} relative to the base folder, with forward slashes, so a
     * file outside it keeps its folders, as in {@code ../b/t.yaml}. A file on another file system
     * root, such as another Windows drive, has no relative path and is shown absolute.
     */
    private String display(Path file) {
        Path displayed;
        try {
            displayed = baseDirectory.relativize(file);
        } catch (IllegalArgumentException e) {
            displayed = file;
        }
        if (displayed.toString().isEmpty()) {
            displayed = file.getFileName() == null ? file : file.getFileName();
        }
        return displayed.toString().replace('\\', '/');
    }
}
