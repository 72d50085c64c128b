package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.internal.schema.NodeSchema;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Nodes;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that slens's schema evaluator gives SL0017 the same verdicts as networknt's
 * json-schema-validator, which {@link LegacyServerlessSchemaCheck} still calls: the same
 * violations at the same locations in the same order, and so the same findings.
 */
class SchemaEquivalenceTest {

    private static final Path FIXTURES = Path.of("..", "fixtures", "src", "main", "resources",
            "fixtures");

    /** Values that pass or fail each kind of property, one per line of YAML. */
    private static final List<String> VALUES = List.of("text", "'12'", "12", "1.5", "1_000",
            "0x1F", ".inf", "true", "'yes'", "'True'", "\"true\\n\"", "null", "[a, b]", "[]",
            "{}", "{A: 1}", "{Ref: X}", "!Ref X", "!Sub '${X}'", "!GetAtt X.Arn",
            "{Condition: C}", "{Ref: X, Fn::Sub: Y}", "{Fn::Bad-Name: X}", "{Type: SQS}",
            "{Type: [a], Properties: 1}", "{E: {Type: SQS, Properties: {}}}",
            "{E: {Properties: 1}, F: 2, a/b: {}, c~d: null}", "{E: !Ref X}");

    private static final TemplateLoader LOADER = new TemplateLoader(LoadLimits.DEFAULT);

    /** Compares both checks on every SAM resource and Globals section of one file. */
    private static int compareFile(String name, String text) {
        LoadResult loaded = TestLoading.parse(name, text);
        return loaded.root() == null ? 0 : compare(loaded);
    }

    private static int compare(LoadResult loaded) {
        MapNode root = loaded.root();
        List<Resource> resources = samResources(root);
        int compared = 0;
        MapNode globals = root.getMap("Globals");
        if (globals != null) {
            for (MapNode.Entry section : globals.entries()) {
                if (section.value() instanceof MapNode properties
                        && compareViolations(section.key(), true, properties)) {
                    compared++;
                }
            }
        }
        for (Resource resource : resources) {
            String type = resource.type().substring("AWS::Serverless::".length());
            if (compareViolations(type, false, resource.properties())) {
                compared++;
            }
        }
        List<Finding> expected = new ArrayList<>();
        LegacyServerlessSchemaCheck.check(loaded.file(), root, resources, expected);
        List<Finding> actual = new ArrayList<>();
        ServerlessSchemaCheck.check(loaded.file(), root, resources, actual);
        assertEquals(expected, actual, () -> "SL0017 findings of " + loaded.file());
        return compared;
    }

    /** Returns whether a schema covers {@code name} and, if so, compares the violations. */
    private static boolean compareViolations(String name, boolean globals, MapNode properties) {
        NodeSchema schema = ServerlessSchemaCheck.schemas(globals).get(name);
        if (schema == null) {
            return false;
        }
        List<String> actual = schema.validate(properties).stream()
                .map(SchemaEquivalenceTest::describe).toList();
        assertEquals(LegacyServerlessSchemaCheck.violations(name, globals, properties), actual,
                () -> (globals ? "Globals." : "") + name + " " + properties);
        return true;
    }

    private static String describe(SchemaViolation violation) {
        return violation.location() + " " + violation.keyword() + " " + violation.property();
    }

    private static List<Resource> samResources(MapNode root) {
        List<Resource> resources = new ArrayList<>();
        MapNode section = root.getMap("Resources");
        if (section == null) {
            return resources;
        }
        for (MapNode.Entry entry : section.entries()) {
            MapNode definition = entry.value().asMap();
            String type = definition == null ? null : definition.getText("Type");
            if (type == null || !type.startsWith("AWS::Serverless::")) {
                continue;
            }
            MapNode properties = definition.getMap("Properties");
            resources.add(new Resource(entry.key(), type,
                    properties == null ? Nodes.map(entry.keySpan()) : properties,
                    entry.keySpan(), null, null));
        }
        return resources;
    }

    private static int compareTree(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(path -> path.toString().matches(".*\\.(ya?ml|json|template)$"))
                    .sorted().toList();
        }
        int compared = 0;
        for (Path file : files) {
            LoadResult loaded = LOADER.load(file, file.toString());
            if (loaded.root() != null) {
                compared += compare(loaded);
            }
        }
        return compared;
    }

    @Test
    void fixtures_sameVerdicts() throws IOException {
        assertTrue(Files.isDirectory(FIXTURES), FIXTURES.toAbsolutePath().toString());
        int compared = compareTree(FIXTURES);
        assertTrue(compared >= 100, "only " + compared + " SAM resources and Globals sections");
    }

    @Test
    void corpus_sameVerdicts() throws IOException {
        String shared = System.getProperty("slens.shared.dir", "");
        Path corpus = Path.of(shared.isBlank() ? "." : shared, "corpus");
        assumeTrue(!shared.isBlank() && Files.isDirectory(corpus),
                "set slens.shared.dir to a folder with the template corpus to run this test");
        int compared = compareTree(corpus);
        assertTrue(compared >= 100, "only " + compared + " SAM resources and Globals sections");
    }

    /** Sets every property of every schema, one at a time and all at once, to each value. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyPropertyAndValue_sameVerdicts(boolean globals) {
        int compared = 0;
        for (Map.Entry<String, NodeSchema> target : ServerlessSchemaCheck.schemas(globals)
                .entrySet()) {
            for (String value : VALUES) {
                StringBuilder all = new StringBuilder();
                for (String property : target.getValue().properties().keySet()) {
                    String line = property + ": " + value + "\n";
                    compared += compareFile("one.yaml", template(globals, target.getKey(), line));
                    all.append(line);
                }
                compared += compareFile("all.yaml",
                        template(globals, target.getKey(), all.toString()));
            }
        }
        assertTrue(compared > 1000, "only " + compared + " comparisons");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Unknown key, first and last, in a resource and in Globals.
        "Resources:\n  S:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Bogus: 1\n      Handler: x\n      Zz: 2\n",
        "Globals:\n  Api:\n    Bogus: 1\n  Function:\n    Timeout: 3\n    Handlr: x\n",
        // Wrong kind of value.
        "Resources:\n  S:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Handler: [x]\n      Environment: text\n      CodeUri: 12\n",
        // Missing required properties, with and without Properties.
        "Resources:\n  S:\n    Type: AWS::Serverless::Connector\n    Properties:\n"
                + "      Bogus: 1\n",
        "Resources:\n  S:\n    Type: AWS::Serverless::Api\n  T:\n"
                + "    Type: AWS::Serverless::LayerVersion\n    Properties: {}\n",
        // anyOf and pattern mismatches.
        "Resources:\n  S:\n    Type: AWS::Serverless::Api\n    Properties:\n"
                + "      StageName: {a: 1}\n      TracingEnabled: 'yes'\n"
                + "      AlwaysDeploy: \"true\\n\"\n      BinaryMediaTypes: text\n",
        // Too many or too few properties in an intrinsic, and a bad function name.
        "Resources:\n  S:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Timeout: {}\n      Runtime: {Ref: a, Fn::Sub: b}\n"
                + "      Layers: {Fn::If: [c, a, b], Extra: 1}\n      Handler: {'Fn::': x}\n",
        // Events: missing Type, wrong kinds, keys that need escaping in a pointer.
        "Resources:\n  S:\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                + "      Events:\n        a/b: {Properties: 1}\n        c~d: 2\n"
                + "        E: {Type: [x]}\n        F: null\n",
        // One node shared through an alias, so two findings have the same span.
        "Resources:\n  S:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Handler: &shared [x]\n      Runtime: *shared\n      Bogus: *shared\n",
        // JSON input.
        "{\"Resources\": {\"S\": {\"Type\": \"AWS::Serverless::GraphQLApi\", \"Properties\":"
                + " {\"Name\": [1], \"XrayEnabled\": \"on\", \"Zed\": {}}}}}",
    })
    void handMadeInvalidInputs_sameVerdicts(String text) {
        String name = text.startsWith("{") ? "t.json" : "t.yaml";
        LoadResult loaded = TestLoading.parse(name, text);
        List<Finding> findings = new ArrayList<>();
        ServerlessSchemaCheck.check(loaded.file(), loaded.root(), samResources(loaded.root()),
                findings);
        assertFalse(findings.isEmpty(), "the input is invalid, so it yields findings");
        assertTrue(compareFile(name, text) > 0);
    }

    private static String template(boolean globals, String name, String properties) {
        String body = properties.indent(6);
        return globals
                ? "Globals:\n  " + name + ":\n" + properties.indent(4)
                : "Resources:\n  S:\n    Type: AWS::Serverless::" + name + "\n    Properties:\n"
                        + body;
    }
}
