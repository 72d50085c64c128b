package dev.slens.internal.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks a path that a template or service file names before anything opens it. The path is
 * resolved with its symbolic links, and only a regular file or folder whose real path lies
 * inside the project folder may be read. The folder walk and the readers of the files a
 * template or service names (nested templates, definition files, {@code ${file()}} includes and
 * code packages) call {@link #resolve}, so a link does not lead them out of the project and a
 * named pipe or device does not block them.
 */
public final class ProjectPath {

    /** Linux gives up after 40 links in one lookup; a longer chain is treated as a loop. */
    private static final int MAX_LINKS = 40;

    /** The kind of file system entry a path leads to, and where it lies. */
    public enum Status {
        /** A regular file inside the project folder. */
        FILE,
        /** A folder inside the project folder. */
        FOLDER,
        /** The path leaves the project folder by its name, such as {@code ../x} or {@code /x}. */
        OUTSIDE,
        /** The path lies inside the project folder, but a link in it leads out. */
        LINK_OUTSIDE,
        /** Nothing exists at the path, or a link in it points at nothing. */
        MISSING,
        /** Symbolic links in the path point at each other. */
        LOOP,
        /** A named pipe, socket or device, which may block or never end when read. */
        SPECIAL,
        /** The path or a folder on its way cannot be read, or the name is not a valid path. */
        UNREADABLE
    }

    /**
     * The outcome of a check. {@code path} is the normalized absolute path as named and
     * {@code real} the path with links resolved, or {@code path} when it has none.
     * {@code detail} is the operating system's reason for {@link Status#UNREADABLE}, else empty.
     */
    public record Resolved(Status status, Path path, Path real, String detail) {

        /** Returns whether the path may be read: a regular file or folder inside the project. */
        public boolean readable() {
            return status == Status.FILE || status == Status.FOLDER;
        }

        /** Returns whether the path leaves the project folder, by name or through a link. */
        public boolean outside() {
            return status == Status.OUTSIDE || status == Status.LINK_OUTSIDE;
        }

        /**
         * Returns why the path may not be read, as words that follow the quoted path in a
         * message, such as "is a link that leaves the project folder '/app'", or {@code null}
         * when it may be read. {@code boundary} is the project folder named in the reason.
         */
        public String problem(Path boundary) {
            return switch (status) {
                case FILE, FOLDER -> null;
                case OUTSIDE -> "leaves the project folder '" + boundary + "'";
                case LINK_OUTSIDE -> "is a link that leaves the project folder '" + boundary + "'";
                case MISSING -> "was not found";
                case LOOP -> "is a symbolic link loop: its links point at each other";
                case SPECIAL -> "is not a regular file but a named pipe, socket or device";
                case UNREADABLE -> "cannot be read: " + detail;
            };
        }
    }

    private ProjectPath() {
    }

    /**
     * Checks {@code relative}, resolved against {@code folder}, against the project folder
     * {@code boundary}. Nothing is opened: only the file system's metadata is read.
     */
    public static Resolved resolve(Path boundary, Path folder, String relative) {
        Path path;
        try {
            path = folder.resolve(relative).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            Path named = folder.toAbsolutePath().normalize();
            return new Resolved(Status.UNREADABLE, named, named, "it is not a valid path ("
                    + e.getReason() + ")");
        }
        Path normalBoundary = boundary.toAbsolutePath().normalize();
        if (!path.startsWith(normalBoundary)) {
            return new Resolved(Status.OUTSIDE, path, path, "");
        }
        Resolved inspected = inspect(path);
        if (!inspected.readable() && inspected.status() != Status.SPECIAL) {
            return inspected;
        }
        Path realBoundary;
        try {
            realBoundary = normalBoundary.toRealPath();
        } catch (IOException e) {
            realBoundary = normalBoundary;
        }
        if (!inspected.real().startsWith(realBoundary)) {
            return new Resolved(Status.LINK_OUTSIDE, path, inspected.real(), "");
        }
        return inspected;
    }

    /**
     * Returns what {@code path} is, with its links resolved, without a project boundary: a
     * file, folder, special file, or why it cannot be reached. Nothing is opened.
     */
    public static Resolved inspect(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path real;
        try {
            real = absolute.toRealPath();
        } catch (NoSuchFileException e) {
            return new Resolved(isLoop(absolute) ? Status.LOOP : Status.MISSING, absolute,
                    absolute, "");
        } catch (AccessDeniedException e) {
            return new Resolved(Status.UNREADABLE, absolute, absolute, "permission denied");
        } catch (IOException e) {
            return isLoop(absolute) ? new Resolved(Status.LOOP, absolute, absolute, "")
                    : new Resolved(Status.UNREADABLE, absolute, absolute, reason(e));
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(real, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return new Resolved(Status.UNREADABLE, absolute, real, reason(e));
        }
        Status status = attributes.isRegularFile() ? Status.FILE
                : attributes.isDirectory() ? Status.FOLDER : Status.SPECIAL;
        return new Resolved(status, absolute, real, "");
    }

    /**
     * Returns whether following the links of {@code path}, one component at a time, comes
     * back to a link already followed or passes more links than the system allows.
     */
    static boolean isLoop(Path path) {
        Set<Path> followed = new HashSet<>();
        Path current = path.getRoot();
        ArrayDeque<Path> pending = new ArrayDeque<>();
        path.forEach(pending::add);
        while (!pending.isEmpty() && current != null) {
            Path next = current.resolve(pending.poll());
            if (!Files.isSymbolicLink(next)) {
                current = next;
                continue;
            }
            if (!followed.add(next) || followed.size() > MAX_LINKS) {
                return true;
            }
            Path target;
            try {
                target = Files.readSymbolicLink(next);
            } catch (IOException e) {
                return false;
            }
            Path resolved = current.resolve(target).normalize();
            ArrayDeque<Path> rest = new ArrayDeque<>();
            resolved.forEach(rest::add);
            rest.addAll(pending);
            pending = rest;
            current = resolved.getRoot();
        }
        return false;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failure
                && failure.getReason() != null) {
            return failure.getReason();
        }
        return e.getMessage() == null ? "the file system reported no reason" : e.getMessage();
    }
}
