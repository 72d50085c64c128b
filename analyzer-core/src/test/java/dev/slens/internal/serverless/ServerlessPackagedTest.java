package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.ServerlessOptions;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Compares what slens derives from corpus {@code serverless.yml} files with what Serverless
 * Framework v3 printed and packaged for them ({@code corpus/serverless-packaged}): the resolved
 * configuration leaf by leaf, and the resources by logical ID, type and the properties rules
 * read. Prints the match rates and fails when they fall below the rates measured when the
 * expansion was written. Skipped when the shared folder is absent.
 */
class ServerlessPackagedTest {

    private static final Path CORPUS = Path.of(System.getProperty("slens.shared.dir",
            "../shared")).resolve("corpus");

    /** Properties that rules read, compared on every resource that has them. */
    private static final Set<String> READ_PROPERTIES = Set.of("Handler", "Runtime", "MemorySize",
            "Timeout", "FunctionName", "Role", "TracingConfig", "Environment", "VpcConfig",
            "DeadLetterConfig", "ReservedConcurrentExecutions", "Architectures", "Layers",
            "LogGroupName", "RetentionInDays", "Policies", "ManagedPolicyArns", "EventSourceArn",
            "DestinationConfig", "BatchSize", "StartingPosition", "Principal", "Action",
            "TopicArn", "Protocol", "Endpoint", "RedrivePolicy", "ScheduleExpression",
            "EventPattern", "State", "RestApiId", "HttpMethod", "AuthorizationType", "Name");

    /** Match rates measured when this test was written; a drop below them fails the build. */
    private static final double MIN_RESOLVED_RATE = 0.99;
    private static final double MIN_RESOURCE_RATE = 0.99;
    private static final double MIN_PROPERTY_RATE = 0.99;

    private final TemplateLoader loader = new TemplateLoader(LoadLimits.DEFAULT);

    @Test
    void expansionMatchesPackagedOutput() throws IOException {
        Path index = CORPUS.resolve("serverless-packaged/INDEX.tsv");
        assumeTrue(Files.exists(index), "the shared corpus is not present");
        Tally tally = new Tally();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t", -1);
            if (columns.length < 7 || columns[0].equals("name") || columns[5].equals("-")) {
                continue;
            }
            compare(columns[1], columns[2], CORPUS.resolve(columns[5]),
                    CORPUS.resolve(columns[6]), tally);
        }
        System.out.printf("serverless-packaged: %d runs; resolved leaves %d/%d (%.1f%%);"
                + " resources %d/%d (%.1f%%); read properties %d/%d (%.1f%%)%n", tally.runs,
                tally.resolvedMatched, tally.resolvedTotal, rate(tally.resolvedMatched,
                        tally.resolvedTotal) * 100, tally.resourcesMatched,
                tally.resourcesTotal, rate(tally.resourcesMatched, tally.resourcesTotal) * 100,
                tally.propertiesMatched, tally.propertiesTotal,
                rate(tally.propertiesMatched, tally.propertiesTotal) * 100);
        tally.differences.forEach(difference -> System.out.println("  " + difference));
        assertTrue(tally.runs > 0, "no packaged run was compared");
        assertTrue(rate(tally.resolvedMatched, tally.resolvedTotal) >= MIN_RESOLVED_RATE);
        assertTrue(rate(tally.resourcesMatched, tally.resourcesTotal) >= MIN_RESOURCE_RATE);
        assertTrue(rate(tally.propertiesMatched, tally.propertiesTotal) >= MIN_PROPERTY_RATE);
        assertEquals(List.of(), tally.crashes);
    }

    private void compare(String input, String variant, Path packaged, Path resolvedFile,
            Tally tally) {
        tally.runs++;
        Path source = CORPUS.resolve(input);
        LoadResult loaded = loader.load(source, input);
        MapNode root = loaded.root();
        if (variant.contains("plugins: block deleted")) {
            root = without(root, "plugins");
        }
        String stage = variant.startsWith("--stage ") ? variant.split("[ ;]")[1] : null;
        List<Finding> problems = new ArrayList<>();
        ServerlessExpander.Expanded expanded;
        try {
            expanded = ServerlessExpander.expand(loaded.file(), root,
                    new ServerlessOptions(stage, null, null), LoadLimits.DEFAULT, problems);
        } catch (RuntimeException e) {
            tally.crashes.add(input + ": " + e);
            return;
        }
        compareResolved(input, expanded.resolved(), loader.load(resolvedFile,
                resolvedFile.toString()).root(), tally);
        MapNode written = expanded.cloudFormation().getMap("Resources");
        compareResources(input, expanded.resources(), written == null ? Set.of()
                : written.keys(), loader.load(packaged, packaged.toString()).root()
                .getMap("Resources"), tally);
    }

    private static void compareResolved(String input, MapNode ours, MapNode theirs,
            Tally tally) {
        Map<String, String> expected = new TreeMap<>();
        flatten("", theirs, expected);
        Map<String, String> actual = new TreeMap<>();
        flatten("", ours, actual);
        for (Map.Entry<String, String> leaf : expected.entrySet()) {
            if (!actual.containsKey(leaf.getKey())) {
                continue;
            }
            tally.resolvedTotal++;
            if (leaf.getValue().equals(actual.get(leaf.getKey()))) {
                tally.resolvedMatched++;
            } else {
                tally.differences.add(input + " resolved " + leaf.getKey() + ": expected '"
                        + leaf.getValue() + "', got '" + actual.get(leaf.getKey()) + "'");
            }
        }
    }

    private static void compareResources(String input, List<Resource> ours, Set<String> written,
            MapNode theirs, Tally tally) {
        Map<String, Resource> byId = new LinkedHashMap<>();
        ours.forEach(resource -> byId.put(resource.logicalId(), resource));
        for (MapNode.Entry entry : theirs.entries()) {
            MapNode definition = entry.value().asMap();
            String type = definition.getText("Type");
            // Versions and deployments are named after a hash of the code or the API.
            if (type.equals("AWS::Lambda::Version")
                    || type.equals("AWS::ApiGateway::Deployment")) {
                continue;
            }
            tally.resourcesTotal++;
            Resource resource = byId.get(entry.key());
            if (resource == null || !resource.type().equals(type)) {
                tally.differences.add(input + " resource " + entry.key() + " (" + type + ")"
                        + (resource == null ? " missing" : " has type " + resource.type()));
                continue;
            }
            tally.resourcesMatched++;
            MapNode properties = definition.getMap("Properties");
            for (MapNode.Entry property : properties == null ? List.<MapNode.Entry>of()
                    : properties.entries()) {
                boolean read = READ_PROPERTIES.contains(property.key())
                        || written.contains(entry.key());
                if (!read) {
                    continue;
                }
                tally.propertiesTotal++;
                Object expected = plain(property.value());
                Node mine = resource.property(property.key());
                Object actual = mine == null ? null : plain(mine);
                if (expected.equals(actual)) {
                    tally.propertiesMatched++;
                } else {
                    tally.differences.add(input + " " + entry.key() + "." + property.key()
                            + ": expected " + expected + ", got " + actual);
                }
            }
        }
    }

    /** Converts a node to maps, lists and strings, so trees compare without their spans. */
    static Object plain(Node node) {
        if (node instanceof MapNode map) {
            if (Nodes.UNRESOLVED.equals(map.intrinsicName())) {
                return "<unresolved>";
            }
            Map<String, Object> result = new TreeMap<>();
            map.entries().forEach(entry -> result.put(entry.key(), plain(entry.value())));
            return result;
        }
        if (node instanceof ListNode list) {
            return list.items().stream().map(ServerlessPackagedTest::plain).toList();
        }
        String value = ((ScalarNode) node).value();
        return value == null ? "null" : value;
    }

    private static void flatten(String prefix, Node node, Map<String, String> out) {
        if (node instanceof MapNode map && map.intrinsicName() == null) {
            map.entries().forEach(e -> flatten(prefix + e.key() + ".", e.value(), out));
        } else if (node instanceof ListNode list && !list.items().isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + i + ".", list.get(i), out);
            }
        } else {
            out.put(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                    String.valueOf(plain(node)));
        }
    }

    private static MapNode without(MapNode root, String key) {
        List<MapNode.Entry> entries = new ArrayList<>(root.entries());
        entries.removeIf(entry -> entry.key().equals(key));
        return new MapNode(entries, root.span());
    }

    private static double rate(int matched, int total) {
        return total == 0 ? 1 : (double) matched / total;
    }

    private static final class Tally {
        int runs;
        int resolvedMatched;
        int resolvedTotal;
        int resourcesMatched;
        int resourcesTotal;
        int propertiesMatched;
        int propertiesTotal;
        final List<String> differences = new ArrayList<>();
        final List<String> crashes = new ArrayList<>();
    }
}
