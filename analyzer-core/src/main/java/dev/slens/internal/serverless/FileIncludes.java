package dev.slens.internal.serverless;

import dev.slens.internal.files.ProjectPath;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.SourceFile;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the files that {@code ${file(...)}} variables name, each once, with the same limits as
 * templates. Only regular files whose real path lies inside the project folder, the folder of
 * the service file, are read.
 */
final class FileIncludes {

    /** The content of one included file, or why it has none. */
    sealed interface Included {
        /** The parsed root of the file. */
        record Parsed(Node root) implements Included { }

        /** The file does not exist. */
        record Absent() implements Included { }

        /** The path leaves the project folder, so the file was not read. */
        record Outside(Path path) implements Included { }

        /** The file exists but slens does not read it, for the given {@code reason}. */
        record Unreadable(String reason, boolean known) implements Included { }

        /**
         * The file does not parse. {@code loaderFindings} are the template loader's findings in
         * the file, the SL0001 parse error on the file's own line among them.
         */
        record Unparsable(List<Finding> loaderFindings) implements Included { }

        /** The file is JavaScript or TypeScript, which the framework runs to get the value. */
        record Code() implements Included { }
    }

    /** File names of code the framework runs for a file variable: JavaScript and TypeScript. */
    private static final Pattern CODE = Pattern.compile("\\.(js|cjs|mjs|ts|cts|mts)$");

    private final Path projectFolder;
    private final Path servicePath;
    private final String displayFolder;
    private final TemplateLoader loader;
    private final Map<Path, Included> cache = new HashMap<>();
    private final Map<Path, SourceFile> loadedFiles = new HashMap<>();

    /**
     * Creates the reader for the service file {@code service}, whose folder is the project
     * folder. Included files are shown in reports beside the service file's display path.
     */
    FileIncludes(SourceFile service, LoadLimits limits) {
        Path folder = service.path().toAbsolutePath().getParent();
        this.projectFolder = (folder == null ? Path.of("") : folder).toAbsolutePath().normalize();
        this.servicePath = service.path().toAbsolutePath().normalize();
        String display = service.displayPath().replace('\\', '/');
        int slash = display.lastIndexOf('/');
        this.displayFolder = slash < 0 ? "" : display.substring(0, slash + 1);
        this.loader = new TemplateLoader(limits);
    }

    Path projectFolder() {
        return projectFolder;
    }

    /**
     * Returns the files read so far that parsed, or that did not parse and whose parse error is
     * reported with the service, in display path order. The service file itself is left out
     * even when it includes itself, because the scan drops the files on this list and reports
     * them only through their service.
     */
    List<SourceFile> parsedFiles() {
        return cache.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(servicePath))
                .filter(entry -> entry.getValue() instanceof Included.Parsed
                        || entry.getValue() instanceof Included.Unparsable)
                .map(entry -> loadedFiles.get(entry.getKey()))
                .sorted(Comparator.comparing(SourceFile::displayPath)).toList();
    }

    /** Returns the content of {@code relativePath}, resolved against the project folder. */
    Included read(String relativePath) {
        ProjectPath.Resolved resolved = ProjectPath.resolve(projectFolder, projectFolder,
                relativePath);
        if (resolved.outside()) {
            return new Included.Outside(resolved.real());
        }
        return cache.computeIfAbsent(resolved.path(), target -> load(resolved));
    }

    private Included load(ProjectPath.Resolved resolved) {
        Path target = resolved.path();
        switch (resolved.status()) {
            case FILE -> { }
            case MISSING -> {
                return new Included.Absent();
            }
            case FOLDER -> {
                return new Included.Unreadable("it is a folder, not a file. Name a YAML or JSON"
                        + " file in it.", true);
            }
            default -> {
                return new Included.Unreadable("it " + resolved.problem(projectFolder) + ".",
                        true);
            }
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (CODE.matcher(name).find()) {
            return new Included.Code();
        }
        if (!(name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json"))) {
            return new Included.Unreadable("slens reads only YAML and JSON files, and does not"
                    + " run JavaScript", false);
        }
        String relative = projectFolder.relativize(target).toString().replace('\\', '/');
        LoadResult result = loader.load(target, displayFolder + relative);
        loadedFiles.put(target, result.file());
        if (result.document() == null) {
            if (result.problems().stream()
                    .anyMatch(f -> f.ruleId().equals(EngineChecks.PARSE_ERROR.id()))) {
                return new Included.Unparsable(result.problems());
            }
            String problem = result.problems().stream().findFirst().map(Finding::message)
                    .orElse("the file is empty");
            return new Included.Unreadable(problem, true);
        }
        // Findings on the included nodes name the included file, not the service file.
        return new Included.Parsed(Nodes.inFile(result.document(), result.file()));
    }
}
