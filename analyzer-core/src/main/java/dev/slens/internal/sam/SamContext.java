package dev.slens.internal.sam;

import dev.slens.model.IncludedFile;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state that the expanders of one template share: the file, its Globals and Parameters, the
 * resources as written, the sink for problems, and the API routes that events add. The API
 * expanders read the routes after every function and state machine is expanded.
 */
final class SamContext {

    private final SourceFile file;
    private final MapNode root;
    private final SamProblems problems;
    private final Map<String, Resource> written = new LinkedHashMap<>();
    private final List<ApiRoute> routes = new ArrayList<>();
    private final LocalFiles localFiles;
    private final java.util.Set<String> claimed = new java.util.HashSet<>();
    private final List<MapNode.Entry> conditions = new ArrayList<>();
    private final Map<String, String> negations = new LinkedHashMap<>();
    private final Map<String, String> conjunctions = new LinkedHashMap<>();
    private final Map<String, Map<String, Node>> stackOutputs = new LinkedHashMap<>();
    private final List<IncludedFile> includedFiles = new ArrayList<>();
    private final Map<String, Long> globalsSizes = new LinkedHashMap<>();
    private long globalsCopied;
    private boolean globalsStopped;

    SamContext(SourceFile file, MapNode root, SamProblems problems, List<Resource> resources,
            LocalFiles localFiles) {
        this.file = file;
        this.root = root;
        this.problems = problems;
        this.localFiles = localFiles;
        for (Resource resource : resources) {
            written.put(resource.logicalId(), resource);
        }
    }

    SourceFile file() {
        return file;
    }

    SamProblems problems() {
        return problems;
    }

    LocalFiles localFiles() {
        return localFiles;
    }

    /**
     * Records that the local file {@code relative}, which {@code read} returned, was copied into
     * {@code property} of the expanded resource {@code logicalId}.
     */
    void include(String logicalId, String property, String relative, LocalFiles.Read read) {
        SourceFile included = new SourceFile(read.file().path(), displayPath(relative),
                read.file().lines());
        includedFiles.add(new IncludedFile(logicalId, property, included, read.original()));
    }

    /**
     * Returns the path reports show for {@code relative}, a file next to the template: relative
     * to where the scan started, as the template's own path is.
     */
    String displayPath(String relative) {
        Path folder = Path.of(file.displayPath()).getParent();
        Path path = folder == null ? Path.of(relative) : folder.resolve(relative);
        return path.normalize().toString().replace('\\', '/');
    }

    List<IncludedFile> includedFiles() {
        return includedFiles;
    }

    /**
     * Returns the properties of the Globals section {@code name}, such as {@code Function}, that
     * SAM copies into resources, or {@code null}. SL0017 reports the properties left out.
     */
    MapNode globals(String name) {
        MapNode globals = root.getMap("Globals");
        return globals == null ? null
                : ServerlessSchemaCheck.supportedGlobals(name, globals.getMap(name));
    }

    /**
     * Returns {@code local} with the Globals section {@code name} merged in. Each merge counts
     * the nodes of that section, and once the template has copied more than
     * {@code LoadLimits.maxNodes} nodes from Globals, further resources get no globals and the
     * first of them is reported, so that large Globals on many resources cannot exhaust memory.
     */
    MapNode withGlobals(String name, MapNode local) {
        MapNode globals = globals(name);
        if (globals == null || globalsStopped) {
            return local;
        }
        long size = globalsSizes.computeIfAbsent(name, key -> size(globals));
        long limit = localFiles.limits().maxNodes();
        if (globalsCopied + size > limit) {
            globalsStopped = true;
            MapNode.Entry section = root.getMap("Globals").entry(name);
            problems.add(new Finding(EngineChecks.PARSE_ERROR.id(),
                    EngineChecks.PARSE_ERROR.severity(), "Globals were not applied to every"
                    + " resource: copying Globals into every resource takes"
                    + " the template past " + limit + " nodes, the most slens reads in one"
                    + " template, so the later resources were analyzed without their Globals."
                    + " Move large settings out of Globals or split the template.", file,
                    section.keySpan(), null, List.of()));
            return local;
        }
        globalsCopied += size;
        return GlobalsMerger.merge(globals, local);
    }

    private static long size(Node node) {
        long size = 1;
        if (node instanceof MapNode map) {
            for (MapNode.Entry entry : map.entries()) {
                size += size(entry.value());
            }
        } else if (node instanceof ListNode list) {
            for (Node item : list.items()) {
                size += size(item);
            }
        }
        return size;
    }

    /** Returns the resource {@code logicalId} as written, or {@code null}. */
    Resource written(String logicalId) {
        return logicalId == null ? null : written.get(logicalId);
    }

    /**
     * Returns true the first time it is called with {@code logicalId}, for resources that
     * several SAM resources share, such as the CodeDeploy application.
     */
    boolean claim(String logicalId) {
        return claimed.add(logicalId);
    }

    /**
     * Adds a condition that is true when {@code condition} is false, as the translator does for
     * a resource it creates in the second branch of an {@code Fn::If}, and returns its name:
     * {@code NOT} and the condition's name, with a number appended if that name is taken.
     * The translator appends a hash instead, which slens does not rebuild.
     */
    String negatedCondition(String condition, SourceSpan at) {
        String known = negations.get(condition);
        if (known != null) {
            return known;
        }
        MapNode written = root.getMap("Conditions");
        String name = "NOT" + condition;
        for (int i = 2; isTaken(written, name); i++) {
            name = "NOT" + condition + i;
        }
        conditions.add(new MapNode.Entry(name, at, negation(condition, at)));
        negations.put(condition, name);
        return name;
    }

    /**
     * Adds a condition that is true when both {@code first} and {@code second} are, as the
     * translator does for a destination it creates under an {@code Fn::If} branch of a
     * function that has a {@code Condition}, and returns its name: {@code <first>AND<second>},
     * with a number appended if that name is taken. The translator appends a hash instead.
     */
    String conjunction(String first, String second, SourceSpan at) {
        String key = first + "AND" + second;
        String known = conjunctions.get(key);
        if (known != null) {
            return known;
        }
        MapNode written = root.getMap("Conditions");
        String name = key;
        for (int i = 2; isTaken(written, name); i++) {
            name = key + i;
        }
        conditions.add(new MapNode.Entry(name, at, Nodes.map(at, "Fn::And", Nodes.list(at,
                List.of(Nodes.map(at, "Condition", Nodes.text(first, at)),
                        Nodes.map(at, "Condition", Nodes.text(second, at)))))));
        conjunctions.put(key, name);
        return name;
    }

    private boolean isTaken(MapNode written, String name) {
        return written != null && written.has(name)
                || conditions.stream().anyMatch(entry -> entry.key().equals(name));
    }

    private static Node negation(String condition, SourceSpan at) {
        return Nodes.map(at, "Fn::Not", Nodes.list(at,
                List.of(Nodes.map(at, "Condition", Nodes.text(condition, at)))));
    }

    /** Returns the conditions that expansion added, to be merged into the Conditions section. */
    List<MapNode.Entry> conditions() {
        return List.copyOf(conditions);
    }

    /** Records the outputs of the nested stack {@code logicalId} that are known. */
    void addStackOutputs(String logicalId, Map<String, Node> outputs) {
        stackOutputs.put(logicalId, Map.copyOf(outputs));
    }

    /** Returns the known outputs of each nested stack, keyed by its logical ID. */
    Map<String, Map<String, Node>> stackOutputs() {
        return Map.copyOf(stackOutputs);
    }

    void addRoute(ApiRoute route) {
        routes.add(route);
    }

    /** Returns the routes of the API {@code apiId}, {@code null} for the implicit one. */
    List<ApiRoute> routes(String apiId, boolean http) {
        return routes.stream().filter(route -> route.http() == http
                && (apiId == null ? route.apiId() == null : apiId.equals(route.apiId())))
                .toList();
    }

    /**
     * Returns the text that {@code node} stands for when it is literal text or a {@code Ref} to
     * a parameter with a literal default, as the SAM translator resolves such values in names;
     * otherwise {@code null}.
     */
    String literal(Node node) {
        if (node == null) {
            return null;
        }
        if (node.text() != null) {
            return node.text();
        }
        if ("Ref".equals(node.intrinsicName())) {
            MapNode parameters = root.getMap("Parameters");
            MapNode parameter = parameters == null ? null
                    : parameters.getMap(node.asMap().getText("Ref"));
            return parameter == null ? null : parameter.getText("Default");
        }
        return null;
    }

    /**
     * Returns the logical ID a {@code RestApiId} or {@code ApiId} names: a {@code Ref} or the
     * logical ID written as text, as the SAM translator accepts both.
     */
    String referencedId(Node node) {
        if (node == null) {
            return null;
        }
        if ("Ref".equals(node.intrinsicName())) {
            return node.asMap().getText("Ref");
        }
        return node.text();
    }

    /** Returns the folder the template is in, which local files must stay inside. */
    Path folder() {
        Path parent = file.path().toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
