package dev.slens.internal.packages;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;

/**
 * Walks a folder without following symbolic links, so that a link never leads out of the
 * project: a link is skipped, whether it points at a file or a folder. The walk visits at most
 * a fixed number of files and then stops.
 */
final class FolderWalk {

    /** Receives each regular file that the filter keeps. */
    interface FileSink {
        void accept(Path file, String relative, long bytes) throws IOException;
    }

    /** The counts of a walk besides the files it passed on. */
    record Outcome(int visited, boolean truncated, int links, int unreadable) { }

    private FolderWalk() {
    }

    /**
     * Walks {@code folder} and passes every regular file that {@code filter} keeps to
     * {@code sink}, with its path relative to {@code folder}.
     */
    static Outcome walk(Path folder, PackageFilter filter, int maxFiles, FileSink sink)
            throws IOException {
        Visitor visitor = new Visitor(folder, filter, maxFiles, sink);
        Files.walkFileTree(folder, EnumSet.noneOf(java.nio.file.FileVisitOption.class),
                Integer.MAX_VALUE, visitor);
        return new Outcome(visitor.visited, visitor.truncated, visitor.links,
                visitor.unreadable);
    }

    private static final class Visitor implements FileVisitor<Path> {
        private final Path folder;
        private final PackageFilter filter;
        private final int maxFiles;
        private final FileSink sink;
        private int visited;
        private boolean truncated;
        private int links;
        private int unreadable;

        Visitor(Path folder, PackageFilter filter, int maxFiles, FileSink sink) {
            this.folder = folder;
            this.filter = filter;
            this.maxFiles = maxFiles;
            this.sink = sink;
        }

        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
            if (attrs.isSymbolicLink()) {
                links++;
                return FileVisitResult.CONTINUE;
            }
            if (!attrs.isRegularFile()) {
                return FileVisitResult.CONTINUE;
            }
            if (visited >= maxFiles) {
                truncated = true;
                return FileVisitResult.TERMINATE;
            }
            visited++;
            Path relative = folder.relativize(file);
            if (filter.includes(relative)) {
                sink.accept(file, relative.toString().replace('\\', '/'), attrs.size());
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) {
            unreadable++;
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) {
            if (exc != null) {
                unreadable++;
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
