package dev.slens.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slens.load.TestLoading;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSchemaTest {

    private static final String SCHEMA = """
            {
              "type": "object",
              "additionalProperties": false,
              "required": ["Name", "Size"],
              "properties": {
                "Name": {"$ref": "#/definitions/text"},
                "Size": {"type": ["number", "string"]},
                "Flag": {"anyOf": [{"type": "boolean"},
                    {"type": "string", "pattern": "^(true|false)$"}]},
                "Tags": {"type": "object", "minProperties": 1, "maxProperties": 2,
                    "propertyNames": {"pattern": "^[A-Z]"}},
                "Events": {"type": "object",
                    "additionalProperties": {"type": "object", "required": ["Type"]}},
                "Level": {"enum": ["low", "high"]},
                "Paths": {"type": "array", "items": {"type": "string", "minLength": 2}}
              },
              "definitions": {"text": {"type": "string"}}
            }
            """;

    private static List<String> violations(String yaml) {
        SchemaDocument document = SchemaReader.read("test.schema.json",
                TestLoading.root("schema.json", SCHEMA));
        return document.root().validate(TestLoading.root("t.yaml", yaml)).stream()
                .map(violation -> violation.location() + " " + violation.keyword()
                        + (violation.property() == null ? "" : " " + violation.property()))
                .toList();
    }

    @Test
    void validInstance_noViolation() {
        assertEquals(List.of(), violations("""
                Name: a
                Size: 3
                Flag: 'true'
                Tags: {A: 1, B: 2}
                Events: {E: {Type: x}}
                """));
    }

    @Test
    void unknownAndMissingProperties_inSchemaOrder() {
        assertEquals(List.of("/Name type", " additionalProperties Zed",
                " additionalProperties Alpha", " required Size"), violations("""
                Zed: 1
                Name: [a]
                Alpha: 2
                """));
    }

    @Test
    void wrongKind_typeViolation() {
        assertEquals(List.of("/Size type"), violations("Name: a\nSize: {a: 1}\n"));
        assertEquals(List.of("/Size type"), violations("Name: a\nSize: null\n"));
        assertEquals(List.of("/Size type"), violations("Name: a\nSize: true\n"));
    }

    @Test
    void quotedAndUnreadableNumbers_areStrings() {
        assertEquals(List.of("/Name type"), violations("Name: 1_000\nSize: 1\n"));
        assertEquals(List.of(), violations("Name: 0x1F\nSize: .inf\n"));
        assertEquals(List.of(), violations("Name: '12'\nSize: '12'\n"));
    }

    @Test
    void anyOfMismatch_reportsEveryBranch() {
        assertEquals(List.of("/Flag type", "/Flag pattern"),
                violations("Name: a\nSize: 1\nFlag: 'yes'\n"));
        assertEquals(List.of("/Flag type", "/Flag type"),
                violations("Name: a\nSize: 1\nFlag: [true]\n"));
    }

    @Test
    void pattern_dollarMatchesOnlyAtEnd() {
        assertEquals(List.of("/Flag type", "/Flag pattern"),
                violations("Name: a\nSize: 1\nFlag: \"true\\n\"\n"));
    }

    @Test
    void propertyCountsAndNames() {
        assertEquals(List.of("/Tags minProperties"), violations("Name: a\nSize: 1\nTags: {}\n"));
        assertEquals(List.of("/Tags maxProperties"),
                violations("Name: a\nSize: 1\nTags: {A: 1, B: 2, C: 3}\n"));
        assertEquals(List.of("/Tags propertyNames b", "/Tags propertyNames c"),
                violations("Name: a\nSize: 1\nTags: {b: 1, c: 2}\n"));
    }

    @Test
    void additionalPropertiesSchema_appliesToEachUnlistedKey() {
        assertEquals(List.of("/Events/A required Type", "/Events/b~1c type"),
                violations("Name: a\nSize: 1\nEvents: {A: {X: 1}, b/c: 2}\n"));
    }

    @Test
    void enum_acceptsOnlyListedStrings() {
        assertEquals(List.of(), violations("Name: a\nSize: 1\nLevel: high\n"));
        assertEquals(List.of("/Level enum"), violations("Name: a\nSize: 1\nLevel: mid\n"));
        assertEquals(List.of("/Level enum"), violations("Name: a\nSize: 1\nLevel: 1\n"));
        assertEquals(List.of("/Level enum"), violations("Name: a\nSize: 1\nLevel: [low]\n"));
    }

    @Test
    void items_checkedInIndexOrder() {
        assertEquals(List.of(), violations("Name: a\nSize: 1\nPaths: [ab, cd]\n"));
        assertEquals(List.of("/Paths/0 minLength", "/Paths/2 type"),
                violations("Name: a\nSize: 1\nPaths: [a, bc, 3]\n"));
    }

    @Test
    void minLength_countsCodePoints() {
        assertEquals(List.of(), violations("Name: a\nSize: 1\nPaths: [\"\\U0001F600x\"]\n"));
        assertEquals(List.of("/Paths/0 minLength"),
                violations("Name: a\nSize: 1\nPaths: [\"\\U0001F600\"]\n"));
    }
}
