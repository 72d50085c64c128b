package dev.slens.config;

import dev.slens.engine.PathExcludes;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a {@code .slens.yml}: parses it with the template loader, so every value keeps its line
 * and column, validates it against {@link ConfigSchema}, then checks the rule IDs, pillars, tags
 * and parameter names against the registered rules. Every mistake found is reported at once.
 */
public final class ConfigLoader {

    /** The name of the configuration file that scans look for. */
    public static final String FILE_NAME = ".slens.yml";

    private final List<RuleMetadata> rules;
    private final RuleSelection selection;

    /** Creates a loader that checks rule names against {@code rules}, the registered rules. */
    public ConfigLoader(List<RuleMetadata> rules) {
        this.rules = List.copyOf(rules);
        this.selection = new RuleSelection(rules);
    }

    /**
     * Returns the {@value #FILE_NAME} that applies to {@code scanned}: the one in its folder (its
     * own folder when it is a file) or in the nearest parent, up to the root of the git
     * repository it is in. Outside a repository only the folder itself is looked at, so a file
     * in a home folder does not apply to every scan below it.
     */
    public static Optional<Path> find(Path scanned) {
        Path start = scanned.toAbsolutePath().normalize();
        if (!Files.isDirectory(start)) {
            start = start.getParent();
        }
        List<Path> folders = new ArrayList<>();
        boolean inRepository = false;
        for (Path folder = start; folder != null; folder = folder.getParent()) {
            folders.add(folder);
            if (Files.exists(folder.resolve(".git"))) {
                inRepository = true;
                break;
            }
        }
        List<Path> searched = inRepository || folders.isEmpty() ? folders : folders.subList(0, 1);
        return searched.stream().map(folder -> folder.resolve(FILE_NAME))
                .filter(Files::isRegularFile).findFirst();
    }

    /**
     * Reads and checks {@code file}; {@code displayPath} is how messages name it.
     *
     * @throws ConfigException listing every mistake, each with the file, line and column
     */
    public ProjectConfig load(Path file, String displayPath) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(List.of("'" + displayPath + "' is a folder; name the"
                    + " configuration file, such as '" + displayPath + "/" + FILE_NAME + "'"));
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(List.of("configuration file not found: '" + displayPath
                    + "'"));
        }
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, displayPath);
        Problems problems = new Problems(displayPath);
        for (Finding problem : loaded.problems()) {
            if (problem.ruleId().equals(EngineChecks.DUPLICATE_KEY.id())) {
                // The loader's message (the last copy wins) fits templates only, because a
                // configuration with a repeated key is rejected.
                problems.add(problem.span(), "a key appears twice in the configuration;"
                        + " remove one of them");
            } else if (!problem.ruleId().equals(EngineChecks.UNSUPPORTED.id())) {
                problems.add(problem.span(), problem.message());
            }
        }
        problems.throwIfAny();
        MapNode root = loaded.root();
        if (root == null) {
            if (loaded.document() != null) {
                problems.add(loaded.document().span(), "the configuration must be a mapping of"
                        + " settings, such as 'fail-on: warning'");
                problems.throwIfAny();
            }
            return new ProjectConfig(file, null, List.of(), List.of(), Map.of(), Map.of(),
                    PathExcludes.NONE, null, null, null,
                    ServerlessOptions.DEFAULT);
        }
        for (SchemaViolation violation : ConfigSchema.validate(root)) {
            SchemaMessages.add(problems, root, violation);
        }
        problems.throwIfAny();
        ProjectConfig config = read(file, root, problems);
        problems.throwIfAny();
        return config;
    }

    private ProjectConfig read(Path file, MapNode root, Problems problems) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        MapNode ruleSwitches = root.getMap("rules");
        List<String> enable = selectors(ruleSwitches, "enable", problems);
        List<String> disable = selectors(ruleSwitches, "disable", problems);
        Map<String, Severity> severities = severities(root.getMap("severity"), problems);
        Map<String, Map<String, String>> parameters =
                new ParameterChecks(selection, problems).read(root.getMap("parameters"));
        PathExcludes excludes = excludes(root.get("exclude"), folder, problems);
        MapNode suppressions = root.getMap("suppressions");
        Node requireReason = suppressions == null ? null : suppressions.get("require-reason");
        // The schema has already checked that the value is a YAML boolean.
        Boolean reasonRequired = requireReason == null ? null
                : ConfigTree.isTrue(requireReason.text());
        String baseline = root.getText("baseline");
        MapNode serverless = root.getMap("serverless");
        ServerlessOptions options = serverless == null ? ServerlessOptions.DEFAULT
                : new ServerlessOptions(serverless.getText("stage"),
                        serverless.getText("region"), null);
        return new ProjectConfig(file, root.getText("fail-on"), enable, disable, severities,
                parameters, excludes, reasonRequired,
                baseline == null ? null : folder.resolve(baseline).normalize(),
                asOf(root.get("as-of"), problems), options);
    }

    /** Returns the {@code as-of} date, a string the schema has already checked. */
    private static LocalDate asOf(Node node, Problems problems) {
        if (node == null) {
            return null;
        }
        try {
            return LocalDate.parse(node.text().strip());
        } catch (DateTimeParseException e) {
            problems.add(node.span(), "'as-of' must be a date in the form YYYY-MM-DD, such"
                    + " as 2026-12-04; found '" + node.text() + "'");
            return null;
        }
    }

    private List<String> selectors(MapNode ruleSwitches, String key, Problems problems) {
        List<String> selectors = new ArrayList<>();
        ListNode list = ruleSwitches == null || ruleSwitches.get(key) == null ? null
                : ruleSwitches.get(key).asList();
        if (list == null) {
            return selectors;
        }
        for (Node item : list.items()) {
            String selector = item.text().strip();
            if (isEngineCheck(selector)) {
                problems.add(item.span(), "'" + selector + "' in 'rules." + key + "' is one of"
                        + " the engine's own checks, which always run; suppress a finding of it"
                        + " in the template, or set its level under 'severity'");
            } else if (selection.matching(selector).isEmpty()) {
                problems.add(item.span(), "unknown rule, pillar or tag '" + selector + "' in"
                        + " 'rules." + key + "'", ClosestName.hint(selector, selection.names()));
            }
            selectors.add(selector);
        }
        return selectors;
    }

    /** Returns whether {@code selector} names an engine check or the {@code engine} pillar. */
    private static boolean isEngineCheck(String selector) {
        return "engine".equalsIgnoreCase(selector) || EngineChecks.ALL.stream()
                .anyMatch(check -> check.id().equalsIgnoreCase(selector));
    }

    private Map<String, Severity> severities(MapNode map, Problems problems) {
        Map<String, Severity> severities = new LinkedHashMap<>();
        if (map == null) {
            return severities;
        }
        List<String> ids = new ArrayList<>(rules.stream().map(RuleMetadata::id).toList());
        EngineChecks.ALL.forEach(check -> ids.add(check.id()));
        for (MapNode.Entry entry : map.entries()) {
            Severity severity = Severity.valueOf(entry.value().text().toUpperCase(Locale.ROOT));
            Optional<RuleMetadata> rule = selection.rule(entry.key());
            if (rule.isPresent()) {
                severities.put(rule.get().id(), severity);
            } else if (ids.contains(entry.key().toUpperCase(Locale.ROOT))) {
                severities.put(entry.key().toUpperCase(Locale.ROOT), severity);
            } else {
                problems.add(entry.keySpan(), "unknown rule '" + entry.key() + "' in"
                        + " 'severity'", ClosestName.hint(entry.key(), ids));
            }
        }
        return severities;
    }

    private static PathExcludes excludes(Node list, Path folder, Problems problems) {
        List<String> globs = new ArrayList<>();
        if (list == null || list.asList() == null) {
            return PathExcludes.NONE;
        }
        for (Node item : list.asList().items()) {
            try {
                new PathExcludes(folder, List.of(item.text())).validate();
                globs.add(item.text());
            } catch (IllegalArgumentException e) {
                problems.add(item.span(), "'exclude' has an " + e.getMessage());
            }
        }
        return new PathExcludes(folder, globs);
    }

    /** The mistakes found so far, each with its place. */
    static final class Problems {
        private final String displayPath;
        private final List<Problem> found = new ArrayList<>();

        Problems(String displayPath) {
            this.displayPath = displayPath;
        }

        /**
         * Adds {@code text} at {@code span}, followed by {@code hint}, such as "; did you…".
         * The place comes first, as in compiler messages, so text after it never runs on.
         */
        void add(SourceSpan span, String text, String hint) {
            found.add(new Problem(span, place(span) + ": " + text + hint));
        }

        void add(SourceSpan span, String text) {
            add(span, text, "");
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                found.sort(Comparator.comparingInt((Problem p) -> p.span().line())
                        .thenComparingInt(p -> p.span().column()));
                throw new ConfigException(found.stream().map(Problem::text).toList());
            }
        }

        private String place(SourceSpan span) {
            return span.isKnown() ? displayPath + ":" + span.line() + ":" + span.column()
                    : displayPath;
        }
    }

    private record Problem(SourceSpan span, String text) { }
}
