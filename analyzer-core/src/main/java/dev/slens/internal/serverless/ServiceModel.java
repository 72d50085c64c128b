package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * The resolved service file and what its expansion has produced so far: the service name, stage
 * and region, the provider settings, and the generated resources in the order the framework
 * writes them.
 */
final class ServiceModel {

    private final MapNode root;
    private final MapNode provider;
    private final SourceSpan providerSpan;
    private final String service;
    private final String stage;
    private final String region;
    private final List<String> plugins;
    private final List<Resource> out = new ArrayList<>();
    private final ServerlessProblems problems;

    ServiceModel(MapNode root, String stage, String region, ServerlessProblems problems) {
        this.root = root;
        this.problems = problems;
        MapNode providerMap = root.getMap("provider");
        this.provider = providerMap == null ? new MapNode(List.of(), root.span()) : providerMap;
        MapNode.Entry providerEntry = root.entry("provider");
        this.providerSpan = providerEntry == null ? root.span() : providerEntry.keySpan();
        Node serviceNode = root.get("service");
        String name = serviceNode == null ? null : serviceNode.text();
        if (name == null && serviceNode != null && serviceNode.asMap() != null) {
            name = serviceNode.asMap().getText("name");
        }
        this.service = name == null ? "service" : name;
        this.stage = stage;
        this.region = region;
        this.plugins = texts(root.get("plugins"));
    }

    MapNode root() {
        return root;
    }

    MapNode provider() {
        return provider;
    }

    SourceSpan providerSpan() {
        return providerSpan;
    }

    String service() {
        return service;
    }

    String stage() {
        return stage;
    }

    String region() {
        return region;
    }

    /** Returns whether the {@code plugins} list, or its {@code modules}, names {@code name}. */
    boolean hasPlugin(String name) {
        return plugins.contains(name);
    }

    List<Resource> resources() {
        return out;
    }

    /**
     * Adds a generated resource. {@code from} names the function or section it was generated
     * from; {@code null} marks a resource of the whole service ({@link Resource#SERVICE}).
     */
    void add(String logicalId, String type, MapNode properties, SourceSpan span, String from) {
        add(logicalId, type, properties, span, from, new MapNode(List.of(), span));
    }

    /** Adds a generated resource as above with resource attributes such as DeletionPolicy. */
    void add(String logicalId, String type, MapNode properties, SourceSpan span, String from,
            MapNode attributes) {
        out.add(new Resource(logicalId, type, properties, span, null,
                from == null ? Resource.SERVICE : from, attributes));
    }

    /**
     * Returns the name function {@code name}, defined by {@code function}, is deployed as: its
     * {@code name} setting, else service-stage-key.
     */
    String deployedName(String name, MapNode function) {
        String written = text(value(function, "name"));
        return written != null ? written : service + "-" + stage + "-" + name;
    }

    /** Returns the collector of the problems found while expanding. */
    ServerlessProblems problems() {
        return problems;
    }

    /** Returns the entry at {@code path} below the provider, or {@code null}. */
    MapNode.Entry providerEntry(String... path) {
        return entry(provider, path);
    }

    /** Returns the entry at {@code path} below {@code map}, or {@code null}. */
    static MapNode.Entry entry(MapNode map, String... path) {
        MapNode current = map;
        for (int i = 0; i < path.length - 1; i++) {
            current = current == null ? null : current.getMap(path[i]);
        }
        return current == null ? null : current.entry(path[path.length - 1]);
    }

    /** Returns the value at {@code path} below {@code map}, or {@code null}. */
    static Node value(MapNode map, String... path) {
        MapNode.Entry entry = entry(map, path);
        return entry == null || isNull(entry.value()) ? null : entry.value();
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
    }

    /** Returns the text of a scalar, or {@code null} for anything else. */
    static String text(Node node) {
        return node == null ? null : node.text();
    }

    /** Returns whether a scalar is {@code true} (YAML boolean or the string). */
    static boolean isTrue(Node node) {
        return node != null && "true".equalsIgnoreCase(node.text());
    }

    /** Returns the items of a list, or the node itself as a one-item list. */
    static List<Node> items(Node node) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        return node instanceof ListNode list ? list.items() : List.of(node);
    }

    private static List<String> texts(Node plugins) {
        Node list = plugins != null && plugins.asMap() != null ? plugins.asMap().get("modules")
                : plugins;
        List<String> names = new ArrayList<>();
        for (Node item : items(list)) {
            if (item.text() != null) {
                names.add(item.text());
            }
        }
        return names;
    }

    /** Creates {@code {Fn::GetAtt: [<function>LambdaFunction, Arn]}}. */
    static MapNode functionArn(String function, SourceSpan at) {
        return Nodes.getAtt(Naming.lambda(function), "Arn", at);
    }

    /** Creates a number scalar. */
    static ScalarNode number(String value, SourceSpan at) {
        return new ScalarNode(value, ScalarNode.Kind.NUMBER, at);
    }

    /** Creates a boolean scalar. */
    static ScalarNode bool(boolean value, SourceSpan at) {
        return new ScalarNode(String.valueOf(value), ScalarNode.Kind.BOOLEAN, at);
    }
}
