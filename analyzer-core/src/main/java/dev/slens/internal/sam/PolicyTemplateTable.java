package dev.slens.internal.sam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SAM policy templates, such as {@code DynamoDBCrudPolicy}: the parameters each requires and
 * the Allow statements it grants. The table is read from {@code policy-templates.txt}, whose
 * header describes the layout, the first time a template is looked up.
 */
final class PolicyTemplateTable {

    private static final String RESOURCE = "policy-templates.txt";

    /**
     * One policy template.
     *
     * @param name the name written under {@code Policies}, such as {@code S3ReadPolicy}
     * @param parameters the parameter names, all required
     * @param statements the Allow statements, in the translator's order
     */
    record Template(String name, List<String> parameters, List<Statement> statements) { }

    /**
     * One Allow statement. A resource or condition value is {@code Fn::Sub} text in which
     * {@code ${Name}} stands for the value of parameter {@code Name}.
     */
    record Statement(List<String> actions, List<String> resources, List<Condition> conditions) { }

    /** One condition, such as {@code StringEquals} on a key. */
    record Condition(String operator, String key, String value) { }

    private PolicyTemplateTable() {
    }

    /** Returns the template called {@code name}, or {@code null} when SAM has none. */
    static Template find(String name) {
        return Holder.TEMPLATES.get(name);
    }

    /** Returns every template by name. */
    static Map<String, Template> all() {
        return Holder.TEMPLATES;
    }

    /** Defers reading the table to the first lookup; the JVM makes the first read thread-safe. */
    private static final class Holder {
        static final Map<String, Template> TEMPLATES = read();
    }

    private static Map<String, Template> read() {
        try (InputStream stream = PolicyTemplateTable.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("Resource '" + RESOURCE + "' is missing from "
                        + "the analyzer-core jar");
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8));
            return parse(reader.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read resource '" + RESOURCE + "'", e);
        }
    }

    static Map<String, Template> parse(List<String> lines) {
        Map<String, Template> templates = new LinkedHashMap<>();
        List<Statement> statements = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split(" ");
            Statement current = statements == null || statements.isEmpty() ? null
                    : statements.get(statements.size() - 1);
            switch (words[0]) {
                case "template" -> {
                    statements = new ArrayList<>();
                    List<String> parameters = List.of(words).subList(2, words.length);
                    templates.put(words[1], new Template(words[1], parameters, statements));
                }
                case "statement" -> statements.add(
                        new Statement(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
                case "action" -> current.actions().addAll(
                        Arrays.asList(words).subList(1, words.length));
                case "resource" -> current.resources().add(words[1]);
                case "condition" -> current.conditions().add(
                        new Condition(words[1], words[2], words[3]));
                default -> throw new IllegalStateException("Line " + (i + 1) + " of '"
                        + RESOURCE + "' starts with the unknown word '" + words[0] + "'");
            }
        }
        return Map.copyOf(templates);
    }
}
