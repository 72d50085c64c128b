package dev.slens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.slens.internal.schema.SchemaViolation;
import dev.slens.load.TestLoading;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that slens's schema evaluator reports the same {@code .slens.yml} violations as
 * networknt's json-schema-validator, which validated the configuration before: the same
 * keyword at the same location, in the same order, with the same allowed values or types.
 */
class ConfigSchemaEquivalenceTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The settings and nested settings of the schema, each set to every value below. */
    private static final List<String> SETTINGS = List.of("fail-on", "rules", "rules.enable",
            "rules.disable", "severity", "severity.SL1001", "parameters", "parameters.SL1002",
            "parameters.SL1002.maxTimeout", "exclude", "suppressions",
            "suppressions.require-reason", "as-of", "baseline", "serverless", "serverless.stage",
            "serverless.region", "unknown", "rules.unknown", "serverless.unknown");

    private static final List<String> VALUES = List.of("warning", "none", "Warning", "''", "x",
            "1", "1.5", "0x1F", "true", "yes", "null", "[]", "[a, '', 2, [b], {c: d}]", "{}",
            "{a: 1}", "{warning: x, '': y}", "{enable: [a], disable: '', other: 1}",
            "{maxTimeout: 30, flag: true, list: [1], map: {}, empty: null}");

    private static final Schema NETWORKNT = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false))
                    .schemas(Map.of("urn:slens-config", ConfigSchema.text())))
            .getSchema(SchemaLocation.of("urn:slens-config"));

    private static int compare(String yaml) {
        MapNode root = TestLoading.root(".slens.yml", yaml);
        List<String> expected = new ArrayList<>();
        for (Error error : NETWORKNT.validate(toJson(root))) {
            expected.add(error.getInstanceLocation() + " " + error.getKeyword() + " "
                    + error.getProperty() + " " + allowed(error.getSchemaNode()));
        }
        List<String> actual = new ArrayList<>();
        for (SchemaViolation violation : ConfigSchema.validate(root)) {
            actual.add(violation.location() + " " + violation.keyword() + " "
                    + violation.property() + " " + allowed(violation));
        }
        assertEquals(expected, actual, yaml);
        return expected.size();
    }

    /** Returns the allowed values or types that the message of a violation lists. */
    private static String allowed(JsonNode schemaNode) {
        List<String> values = new ArrayList<>();
        if (schemaNode != null && (schemaNode.isArray() || schemaNode.isTextual())) {
            (schemaNode.isArray() ? schemaNode : NODES.arrayNode().add(schemaNode))
                    .forEach(value -> values.add(value.asText()));
        }
        return values.toString();
    }

    private static String allowed(SchemaViolation violation) {
        return switch (violation.keyword()) {
            case "enum" -> violation.schema().enumValues().toString();
            case "type" -> List.copyOf(violation.schema().types()).toString();
            default -> List.of().toString();
        };
    }

    /** Converts the tree as the configuration loader did for networknt. */
    private static JsonNode toJson(Node node) {
        if (node instanceof MapNode map) {
            ObjectNode object = NODES.objectNode();
            map.entries().forEach(entry -> object.set(entry.key(), toJson(entry.value())));
            return object;
        }
        if (node instanceof ListNode list) {
            ArrayNode array = NODES.arrayNode();
            list.items().forEach(item -> array.add(toJson(item)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (scalar.value() == null || scalar.kind() == ScalarNode.Kind.NULL) {
            return NODES.nullNode();
        }
        return switch (scalar.kind()) {
            case NUMBER -> number(scalar.value());
            case BOOLEAN -> NODES.booleanNode(List.of("true", "yes", "on", "y")
                    .contains(scalar.value().toLowerCase(Locale.ROOT)));
            default -> NODES.textNode(scalar.value());
        };
    }

    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(new BigDecimal(text.replace("_", "")));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    /** Returns {@code value} written at the dotted {@code setting} as YAML. */
    private static String yaml(String setting, String value) {
        String[] parts = setting.split("\\.");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            text.append("  ".repeat(i)).append(parts[i]).append(':');
            text.append(i == parts.length - 1 ? " " + value + "\n" : "\n");
        }
        return text.toString();
    }

    @Test
    void everySettingAndValue_sameViolations() {
        int violations = 0;
        StringBuilder all = new StringBuilder();
        for (String value : VALUES) {
            for (String setting : SETTINGS) {
                violations += compare(yaml(setting, value));
                if (!setting.contains(".")) {
                    all.append(yaml(setting, value));
                }
            }
            violations += compare(all.toString());
            all.setLength(0);
        }
        assertTrue(violations > 200, "only " + violations + " violations compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "fail-on: warning\nrules:\n  enable: [SL1001]\n  disable: [reliability]\n"
                + "severity: {SL1001: error}\nparameters: {SL1002: {maxTimeout: 30}}\n"
                + "exclude: ['build/**']\nsuppressions: {require-reason: false}\n"
                + "as-of: 2026-12-04\nbaseline: b.json\n"
                + "serverless: {stage: prod, region: eu-west-1}\n",
        "fail_on: warning\nrule: {}\nexclude: [a, '']\nserverless: {stage: '', zone: x}\n",
        "rules: {enable: &shared [1, ''], disable: *shared}\nexclude: *shared\n",
    })
    void handMadeConfigs_sameViolations(String yaml) {
        compare(yaml);
    }

    @Test
    void invalidConfig_hasViolations() {
        MapNode root = TestLoading.root(".slens.yml", "fail-on: loud\nexclude: ['']\n");
        List<SchemaViolation> violations = ConfigSchema.validate(root);
        assertFalse(violations.isEmpty());
        assertNotNull(violations.get(0).schema());
        assertEquals(2, compare("fail-on: loud\nexclude: ['']\n"));
    }
}
