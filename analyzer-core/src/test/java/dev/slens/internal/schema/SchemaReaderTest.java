package dev.slens.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaReaderTest {

    private static final String SAM = "/dev/slens/internal/sam/";

    private static SchemaDocument read(String json) {
        return SchemaReader.read("test.schema.json", TestLoading.root("test.json", json));
    }

    private static String rejection(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }

    /** Fails when a SAM schema file gains a keyword that the evaluator does not evaluate. */
    @ParameterizedTest
    @ValueSource(strings = {"serverless-function.schema.json",
            "serverless-resources.schema.json"})
    void samSchemas_useOnlySupportedKeywords(String name) {
        SchemaDocument document = SchemaDocument.load(SchemaReaderTest.class, SAM + name);
        assertEquals("https://slens.dev/schemas/" + name, document.id());
        assertTrue(document.definitions().containsKey("intrinsic"), document::toString);
    }

    /** Fails when the .slens.yml schema gains a keyword that the evaluator does not evaluate. */
    @Test
    void configSchema_usesOnlySupportedKeywords() {
        SchemaDocument document = SchemaDocument.load(SchemaReaderTest.class,
                "/dev/slens/config/slens-config.schema.json");
        assertTrue(document.root().closed());
        assertEquals(List.of("error", "warning", "info", "none"),
                document.root().properties().get("fail-on").enumValues());
    }

    @Test
    void itemsList_rejected() {
        String message = rejection("{\"items\": [{\"type\": \"string\"}]}");
        assertTrue(message.contains("items is a list"), message);
    }

    @Test
    void nonStringEnum_rejected() {
        String message = rejection("{\"enum\": [\"a\", 1]}");
        assertTrue(message.contains("expected a string as enum value"), message);
    }

    @Test
    void types_keepFileOrder() {
        SchemaDocument document = read("{\"type\": [\"string\", \"number\", \"boolean\"]}");
        assertEquals(List.of("string", "number", "boolean"),
                List.copyOf(document.root().types()));
    }

    @Test
    void samSchemas_keepDefinitionsInFileOrder() {
        SchemaDocument document = SchemaDocument.load(SchemaReaderTest.class,
                SAM + "serverless-resources.schema.json");
        List<String> names = List.copyOf(document.definitions().keySet());
        assertEquals("intrinsic", names.get(0));
        assertEquals("GlobalsCapacityProvider", names.get(names.size() - 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"maxLength", "oneOf", "allOf", "const", "if", "not",
            "patternProperties", "maxItems", "uniqueItems", "minimum", "format", "default",
            "examples", "$comment"})
    void unknownKeyword_rejectedWithLine(String keyword) {
        String message = rejection("{\n  \"type\": \"object\",\n  \"properties\": {\n"
                + "    \"A\": {\"" + keyword + "\": 1}\n  }\n}\n");
        assertTrue(message.startsWith("test.schema.json:4:11: keyword '" + keyword + "'"),
                message);
    }

    @Test
    void keywordBesideRef_rejected() {
        String message = rejection("{\"definitions\": {\"a\": {\"type\": \"string\"}},"
                + " \"properties\": {\"B\": {\"$ref\": \"#/definitions/a\","
                + " \"type\": \"object\"}}}");
        assertTrue(message.contains("keyword 'type' sits beside $ref"), message);
    }

    @Test
    void descriptionBesideRef_accepted() {
        SchemaDocument document = read("{\"definitions\": {\"a\": {\"type\": \"string\"}},"
                + " \"properties\": {\"B\": {\"$ref\": \"#/definitions/a\","
                + " \"description\": \"b\"}}}");
        NodeSchema property = document.root().properties().get("B");
        assertSame(document.definitions().get("a"), property.resolved());
    }

    @Test
    void nestedId_rejected() {
        String message = rejection("{\"properties\": {\"A\": {\"$id\": \"x\"}}}");
        assertTrue(message.contains("keyword '$id' is supported only at the top"), message);
    }

    @Test
    void integerType_rejected() {
        String message = rejection("{\"type\": [\"object\", \"integer\"]}");
        assertTrue(message.contains("type 'integer' is not supported"), message);
    }

    @Test
    void unresolvedRef_rejected() {
        String message = rejection("{\"properties\": {\"A\": {\"$ref\": \"#/definitions/x\"}}}");
        assertTrue(message.contains("$ref '#/definitions/x' points at no schema"), message);
    }

    @Test
    void remoteRef_rejected() {
        String message = rejection("{\"properties\": {\"A\": {\"$ref\": \"other.json#/a\"}}}");
        assertTrue(message.contains("points outside the file"), message);
    }

    @Test
    void refCycle_rejected() {
        String message = rejection("{\"definitions\": {\"a\": {\"$ref\": \"#/definitions/b\"},"
                + " \"b\": {\"$ref\": \"#/definitions/a\"}}}");
        assertTrue(message.contains("cycle of references"), message);
    }

    @Test
    void invalidPattern_rejected() {
        String message = rejection("{\"pattern\": \"([a-z\"}");
        assertTrue(message.contains("is not a valid regular expression"), message);
    }

    @Test
    void negativeCount_rejected() {
        String message = rejection("{\"minProperties\": -1}");
        assertTrue(message.contains("minProperties is not a whole number"), message);
    }

    @Test
    void booleanSchemaOutsideAdditionalProperties_rejected() {
        String message = rejection("{\"properties\": {\"A\": true}}");
        assertTrue(message.contains("is not a JSON object"), message);
    }

    @Test
    void additionalProperties_booleanOrSchema() {
        SchemaDocument closed = read("{\"additionalProperties\": false}");
        assertTrue(closed.root().closed());
        assertNull(closed.root().additionalProperties());
        SchemaDocument open = read("{\"additionalProperties\": true}");
        assertTrue(!open.root().closed());
        SchemaDocument typed = read("{\"additionalProperties\": {\"type\": \"string\"}}");
        assertNotNull(typed.root().additionalProperties());
        assertEquals(Set.of("string"), typed.root().additionalProperties().types());
    }

    @Test
    void endAnchored_replacesOnlyDollarAnchors() {
        assertEquals("^(a|b)\\z", SchemaReader.endAnchored("^(a|b)$"));
        assertEquals("^a\\$b\\z", SchemaReader.endAnchored("^a\\$b$"));
        assertEquals("[$]x", SchemaReader.endAnchored("[$]x"));
        assertEquals("[\\]$]\\z", SchemaReader.endAnchored("[\\]$]$"));
    }
}
