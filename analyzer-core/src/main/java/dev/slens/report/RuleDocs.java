package dev.slens.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hand-written documentation of one rule: the Markdown file {@code rule-docs/<ID>.md} that
 * a rule jar ships next to its classes, split into its {@code ## } sections, such as
 * {@code Why} and {@code How to fix}. The engine's own checks have no such file.
 *
 * @param markdown the whole file, with LF line breaks
 * @param sections the body of each section by its heading, in file order
 */
record RuleDocs(String markdown, Map<String, String> sections) {

    /** The section that explains why the rule matters. */
    static final String WHY = "Why";
    /** The section that shows how to fix a finding. */
    static final String HOW_TO_FIX = "How to fix";

    RuleDocs {
        sections = Map.copyOf(sections);
    }

    /** Reads the documentation of rule {@code id} from the class path, or returns null. */
    static RuleDocs load(String id) {
        String name = "rule-docs/" + id + ".md";
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        InputStream in = context == null ? null : context.getResourceAsStream(name);
        if (in == null) {
            in = RuleDocs.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            return null;
        }
        try (InputStream stream = in) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return parse(SarifRegions.normalizeLineBreaks(text));
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + name + " from the class path", e);
        }
    }

    /** Splits {@code markdown} at its level-2 headings. */
    static RuleDocs parse(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, body.toString().strip());
                }
                heading = line.substring(3).strip();
                body.setLength(0);
            } else if (heading != null) {
                body.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, body.toString().strip());
        }
        return new RuleDocs(markdown.strip(), sections);
    }

    /** Returns the body of section {@code heading}, or "" when the file has none. */
    String section(String heading) {
        return sections.getOrDefault(heading, "");
    }

    /** Returns the first paragraph of the {@code Why} section, in Markdown. */
    String rationale() {
        String why = section(WHY);
        int end = why.indexOf("\n\n");
        return end < 0 ? why : why.substring(0, end);
    }
}
