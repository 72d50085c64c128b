package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.report.ExpandedTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Compares slens's SAM expansion with what the SAM translator produced, on the translator's own
 * test inputs in the shared corpus ({@code tests/translator/input/*.yaml} against
 * {@code output/*.json}, the plain aws partition). For each resource of the translator's output
 * it checks that slens has the same logical ID and type, then compares the properties that
 * rules read. The test prints a table per resource type, writes it with every difference to
 * {@code target/sam-fidelity.md}, and fails when a match rate drops below its floor.
 */
class SamTranslatorFidelityTest {

    /** Lowest share of the translator's resources that slens must match by logical ID and type. */
    private static final double RESOURCE_FLOOR = 1.0;
    /** Lowest share of compared properties, on matched resources, that must be equal. */
    private static final double PROPERTY_FLOOR = 0.998;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void expansionMatchesTranslatorOutput() throws IOException {
        Path translator = translatorDir();
        Tally tally = new Tally();
        List<Path> inputs;
        try (Stream<Path> files = Files.list(translator.resolve("input"))) {
            inputs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path input : inputs) {
            String name = input.getFileName().toString().replaceFirst("\\.yaml$", "");
            Path output = translator.resolve("output").resolve(name + ".json");
            if (!Files.isRegularFile(output)) {
                continue;
            }
            JsonNode ours;
            try {
                ours = expand(input);
            } catch (RuntimeException e) {
                tally.crashes.add(name + ": " + e);
                continue;
            }
            compare(name, ours, normalize(JSON.readTree(output.toFile())), tally);
        }

        String report = tally.report();
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("sam-fidelity.md"), report + tally.differences());
        }
        assertEquals(List.of(), tally.crashes, "inputs whose expansion threw");
        assertTrue(tally.resourceRate() >= RESOURCE_FLOOR, "resource match rate "
                + tally.resourceRate() + " fell below " + RESOURCE_FLOOR + "\n" + report);
        assertTrue(tally.propertyRate() >= PROPERTY_FLOOR, "property match rate "
                + tally.propertyRate() + " fell below " + PROPERTY_FLOOR + "\n" + report);
    }

    private static JsonNode expand(Path input) throws IOException {
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(input,
                input.getFileName().toString());
        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), FormatDetector.detect(loaded.root()));
        return normalize(ExpandedTemplate.toJson(assembled.template()));
    }

    private static void compare(String name, JsonNode ours, JsonNode theirs, Tally tally) {
        JsonNode ourResources = ours.path("Resources");
        theirs.path("Resources").fields().forEachRemaining(entry -> {
            String id = entry.getKey();
            String type = entry.getValue().path("Type").asText();
            TypeTally counts = tally.types.computeIfAbsent(type, t -> new TypeTally());
            counts.expected++;
            JsonNode mine = ourResources.get(id);
            if (mine == null || !type.equals(mine.path("Type").asText())) {
                tally.missing.add(name + ": " + id + " (" + type + ")"
                        + (mine == null ? "" : " is " + mine.path("Type").asText()));
                return;
            }
            counts.matched++;
            for (String property : ComparedProperties.of(type)) {
                JsonNode expected = entry.getValue().path("Properties").at(property);
                JsonNode actual = mine.path("Properties").at(property);
                if (expected.isMissingNode() && actual.isMissingNode()) {
                    continue;
                }
                counts.properties++;
                if (sortedLists(expected).equals(sortedLists(actual))) {
                    counts.equalProperties++;
                } else {
                    tally.different.add(name + ": " + id + property + ": expected "
                            + expected + ", slens " + actual);
                }
            }
        });
        ourResources.fields().forEachRemaining(entry -> {
            if (!theirs.path("Resources").has(entry.getKey())) {
                tally.extra.add(name + ": " + entry.getKey() + " ("
                        + entry.getValue().path("Type").asText() + ")");
            }
        });
    }

    /**
     * Returns {@code node} with the items of every list but {@code Layers} sorted by their JSON
     * text. The SAM translator's own test ({@code tests/translator/test_translator.py},
     * {@code deep_sort_lists}) compares outputs this way, so the order of list items in its
     * output files, such as a role's {@code ManagedPolicyArns}, carries no meaning. The order
     * of layers matters to Lambda, so that test and this one keep it.
     */
    private static JsonNode sortedLists(JsonNode node) {
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sortedLists(item)));
            items.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = JSON.createArrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(entry -> copy.set(entry.getKey(),
                    entry.getKey().equals("Layers") ? entry.getValue()
                            : sortedLists(entry.getValue())));
            return copy;
        }
        return node;
    }

    /**
     * Removes the hash suffix from the logical IDs of deployments, versions and layer versions,
     * wherever they appear. The translator derives it from the SHA-1 of content that slens does
     * not rebuild byte for byte, so slens's own suffix never matches; IDs match without it.
     */
    private static JsonNode normalize(JsonNode template) throws IOException {
        String text = JSON.writeValueAsString(template);
        List<String> hashed = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("Type").asText();
            boolean hashedType = type.equals("AWS::ApiGateway::Deployment")
                    || type.equals("AWS::Lambda::Version")
                    || type.equals("AWS::Lambda::LayerVersion");
            if (hashedType && entry.getKey().matches(".*[0-9a-f]{10}")) {
                hashed.add(entry.getKey());
            }
        });
        for (String id : hashed) {
            text = text.replace("\"" + id + "\"", "\"" + id.substring(0, id.length() - 10) + "\"");
        }
        return JSON.readTree(text);
    }

    private static Path translatorDir() {
        String shared = System.getProperty("slens.shared.dir", "");
        Path translator = Path.of(shared.isBlank() ? "." : shared, "corpus",
                "aws__serverless-application-model", "tests", "translator");
        assumeTrue(!shared.isBlank() && Files.isDirectory(translator.resolve("input")),
                "set slens.shared.dir to a folder with the SAM translator tests to run this test");
        return translator;
    }

    /** Counts for one resource type. */
    private static final class TypeTally {
        private int expected;
        private int matched;
        private int properties;
        private int equalProperties;
    }

    /** What the comparison found over every input. */
    private static final class Tally {
        private final Map<String, TypeTally> types = new TreeMap<>();
        private final List<String> missing = new ArrayList<>();
        private final List<String> extra = new ArrayList<>();
        private final List<String> different = new ArrayList<>();
        private final List<String> crashes = new ArrayList<>();

        double resourceRate() {
            int expected = types.values().stream().mapToInt(t -> t.expected).sum();
            int matched = types.values().stream().mapToInt(t -> t.matched).sum();
            return expected == 0 ? 1 : (double) matched / expected;
        }

        double propertyRate() {
            int compared = types.values().stream().mapToInt(t -> t.properties).sum();
            int equal = types.values().stream().mapToInt(t -> t.equalProperties).sum();
            return compared == 0 ? 1 : (double) equal / compared;
        }

        String report() {
            StringBuilder text = new StringBuilder("| Resource type | Translator | Same ID and"
                    + " type | Properties compared | Properties equal |\n|---|---|---|---|---|\n");
            TypeTally total = new TypeTally();
            types.forEach((type, counts) -> {
                text.append(String.format("| %s | %d | %d (%d%%) | %d | %d (%s) |%n", type,
                        counts.expected, counts.matched, percent(counts.matched, counts.expected),
                        counts.properties, counts.equalProperties,
                        counts.properties == 0 ? "n/a"
                                : percent(counts.equalProperties, counts.properties) + "%"));
                total.expected += counts.expected;
                total.matched += counts.matched;
                total.properties += counts.properties;
                total.equalProperties += counts.equalProperties;
            });
            text.append(String.format("| all | %d | %d (%d%%) | %d | %d (%d%%) |%n",
                    total.expected, total.matched, percent(total.matched, total.expected),
                    total.properties, total.equalProperties,
                    percent(total.equalProperties, total.properties)));
            return text.toString();
        }

        String differences() {
            StringBuilder text = new StringBuilder();
            section(text, "Missing or of another type in slens", missing);
            section(text, "Generated by slens, not by the translator", extra);
            section(text, "Compared properties that differ", different);
            return text.toString();
        }

        private static void section(StringBuilder text, String title, List<String> lines) {
            text.append("\n## ").append(title).append(" (").append(lines.size()).append(")\n\n");
            lines.forEach(line -> text.append("- ").append(line).append('\n'));
        }

        private static int percent(int part, int whole) {
            return whole == 0 ? 100 : (int) Math.floor(100.0 * part / whole);
        }
    }
}
