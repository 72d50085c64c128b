package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Compares our policy template table with the SAM translator's own data file, when the folder in
 * the {@code slens.shared.dir} system property has a copy of it under
 * {@code reference/sam-policy-templates.json}.
 */
class PolicyTemplateTableTest {

    private static MapNode reference;

    @BeforeAll
    static void loadReference() {
        String shared = System.getProperty("slens.shared.dir", "");
        Path file = Path.of(shared.isBlank() ? "." : shared, "reference",
                "sam-policy-templates.json");
        assumeTrue(!shared.isBlank() && Files.isRegularFile(file),
                "set slens.shared.dir to a folder with reference/sam-policy-templates.json");
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, file.toString());
        assertNotNull(loaded.root(), "the reference file did not parse: " + loaded.problems());
        reference = loaded.root().getMap("Templates");
    }

    @Test
    void sameTemplateNames() {
        assertEquals(new TreeSet<>(reference.keys()),
                new TreeSet<>(PolicyTemplateTable.all().keySet()));
    }

    @Test
    void sameParameters() {
        for (String name : reference.keys()) {
            MapNode parameters = reference.getMap(name).getMap("Parameters");
            assertEquals(new TreeSet<>(parameters.keys()),
                    new TreeSet<>(PolicyTemplateTable.find(name).parameters()), name);
        }
    }

    @Test
    void sameStatements() {
        for (String name : reference.keys()) {
            ListNode expected = reference.getMap(name).getMap("Definition").get("Statement")
                    .asList();
            List<PolicyTemplateTable.Statement> actual = PolicyTemplateTable.find(name)
                    .statements();
            assertEquals(expected.size(), actual.size(), name + ": statement count");
            for (int i = 0; i < expected.size(); i++) {
                MapNode statement = expected.get(i).asMap();
                String where = name + " statement " + i;
                assertEquals("Allow", statement.getText("Effect"), where);
                assertEquals(texts(statement.get("Action")), actual.get(i).actions(), where);
                assertEquals(patterns(statement.get("Resource")), actual.get(i).resources(),
                        where);
                assertEquals(conditions(statement.getMap("Condition")),
                        conditionTexts(actual.get(i).conditions()), where);
            }
        }
    }

    private static List<String> texts(Node node) {
        List<String> texts = new ArrayList<>();
        for (Node item : node.asList() != null ? node.asList().items() : List.of(node)) {
            texts.add(item.text());
        }
        return texts;
    }

    private static List<String> patterns(Node node) {
        List<String> patterns = new ArrayList<>();
        for (Node item : node.asList() != null ? node.asList().items() : List.of(node)) {
            patterns.add(pattern(item));
        }
        return patterns;
    }

    /**
     * Returns the translator's resource in our layout: the {@code Fn::Sub} text with each
     * variable, which the translator defines as a {@code Ref} to a parameter, written as
     * {@code ${Parameter}}.
     */
    private static String pattern(Node node) {
        if (node.text() != null) {
            return node.text();
        }
        Node sub = node.asMap().get("Fn::Sub");
        if (sub.text() != null) {
            return sub.text();
        }
        String text = sub.asList().get(0).text();
        for (MapNode.Entry variable : sub.asList().get(1).asMap().entries()) {
            text = text.replace("${" + variable.key() + "}",
                    "${" + variable.value().asMap().getText("Ref") + "}");
        }
        return text;
    }

    private static List<String> conditions(MapNode condition) {
        List<String> texts = new ArrayList<>();
        if (condition != null) {
            for (MapNode.Entry operator : condition.entries()) {
                for (MapNode.Entry key : operator.value().asMap().entries()) {
                    texts.add(operator.key() + " " + key.key() + " " + pattern(key.value()));
                }
            }
        }
        return texts;
    }

    private static List<String> conditionTexts(List<PolicyTemplateTable.Condition> conditions) {
        return conditions.stream().map(c -> c.operator() + " " + c.key() + " " + c.value())
                .toList();
    }
}
