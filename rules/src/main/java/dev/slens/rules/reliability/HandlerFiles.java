package dev.slens.rules.reliability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Works out which file a Lambda handler string names and looks for it in a local code folder.
 * Only folders inside the template's own folder are read, and only their names are listed:
 * no file is opened and no link leading out of that folder is followed.
 */
final class HandlerFiles {

    /** The maximum number of entries read from one folder; a larger folder counts as unreadable. */
    static final int MAX_ENTRIES = 10_000;

    /** A runtime family whose handler names a source file, with that file's extensions. */
    enum Language {
        NODE("Node.js", List.of(".js", ".mjs", ".cjs", ".ts")),
        PYTHON("Python", List.of(".py")),
        RUBY("Ruby", List.of(".rb"));

        private final String title;
        private final List<String> extensions;

        Language(String title, List<String> extensions) {
            this.title = title;
            this.extensions = extensions;
        }

        String title() {
            return title;
        }

        /**
         * Returns the language of a runtime identifier, or null for runtimes whose handler
         * names a class, an assembly or an executable (Java, .NET, Go, provided).
         */
        static Language of(String runtime) {
            String id = runtime.toLowerCase(Locale.ROOT);
            return id.startsWith("nodejs") ? NODE : id.startsWith("python") ? PYTHON
                    : id.startsWith("ruby") ? RUBY : null;
        }

        boolean owns(String fileName) {
            return extensions.stream().anyMatch(fileName::endsWith);
        }
    }

    /**
     * The files a handler may name, relative to the code folder, all in one folder.
     *
     * @param folder the folder of the candidates, relative to the code folder ("" for itself)
     * @param names the file names that would satisfy the handler
     */
    record Entry(String folder, List<String> names) { }

    private HandlerFiles() {
    }

    /**
     * Returns the files a handler names, or null when the handler has no module part.
     * Node.js and Ruby read the module name up to the first dot after the last slash; Python
     * reads it up to the last dot and treats the dots before it as package separators.
     */
    static Entry entry(Language language, String handler) {
        if (language == Language.PYTHON) {
            int dot = handler.lastIndexOf('.');
            if (dot <= 0) {
                return null;
            }
            String module = handler.substring(0, dot).replace('.', '/');
            int slash = module.lastIndexOf('/');
            String folder = slash < 0 ? "" : module.substring(0, slash);
            String name = module.substring(slash + 1);
            return new Entry(folder, List.of(name + ".py", name + "/__init__.py"));
        }
        int slash = handler.lastIndexOf('/');
        String folder = slash < 0 ? "" : handler.substring(0, slash);
        String base = handler.substring(slash + 1);
        int dot = base.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        String module = base.substring(0, dot);
        List<String> names = new ArrayList<>();
        for (String extension : language.extensions) {
            names.add(module + extension);
        }
        return new Entry(folder, names);
    }

    /**
     * Returns {@code relative} resolved against {@code root} when the result is an existing
     * folder inside {@code root}, links resolved, or null otherwise.
     */
    static Path folderInside(Path root, String relative) {
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot) || !Files.isDirectory(candidate)) {
                return null;
            }
            Path real = candidate.toRealPath();
            return real.startsWith(realRoot) ? real : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Returns whether a file name has the extension of a language in {@link Language}. */
    static boolean sourceFile(String name) {
        for (Language language : Language.values()) {
            if (language.owns(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether {@code name}, relative to {@code folder}, is a regular file or a link
     * there. A link counts without being followed, because its target may lie outside.
     */
    static boolean exists(Path folder, String name) {
        Path file = folder.resolve(name).normalize();
        return file.startsWith(folder) && (Files.isSymbolicLink(file)
                || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
    }

    /** Returns the names of the regular files in {@code folder}, sorted, or null if unreadable. */
    static List<String> fileNames(Path folder) {
        List<String> names = new ArrayList<>();
        int seen = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (++seen > MAX_ENTRIES) {
                    return null;
                }
                if (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        names.sort(null);
        return names;
    }
}
