package dev.slens.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps {@code docs/maven-plugin.md} equal to the goals and parameters of the plugin descriptor
 * that maven-plugin-plugin writes from the Mojo Javadoc. After changing a parameter, rewrite the
 * page with {@code ./mvnw -B verify -pl maven-plugin -am -Dsnapshot.update=true}.
 */
class PluginDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path PAGE = Path.of("../docs/maven-plugin.md");

    @Test
    void docsPage_matchesDescriptor() throws Exception {
        assertTrue(Files.isRegularFile(DESCRIPTOR), DESCRIPTOR + " is missing; build with Maven");
        String generated = render(parse(DESCRIPTOR));

        if (Boolean.getBoolean("snapshot.update")) {
            Files.writeString(PAGE, generated);
        }

        assertTrue(Files.isRegularFile(PAGE), PAGE + " is missing; run the build with"
                + " -Dsnapshot.update=true to write it");
        assertEquals(generated, Files.readString(PAGE), PAGE + " is out of date; run the build"
                + " with -Dsnapshot.update=true and commit the page");
    }

    private static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static String render(Document descriptor) {
        Element plugin = descriptor.getDocumentElement();
        String prefix = text(plugin, "goalPrefix");
        StringBuilder page = new StringBuilder()
                .append("<!-- Generated from the plugin descriptor by PluginDocsTest. Edit the\n")
                .append("     Javadoc in maven-plugin/src/main/java, then run\n")
                .append("     ./mvnw -B verify -pl maven-plugin -am -Dsnapshot.update=true -->\n")
                .append("# ").append(text(plugin, "artifactId")).append("\n\n")
                .append("Goal prefix `").append(prefix).append("`. Run `mvn ").append(prefix)
                .append(":help -Ddetail` for the same information in a terminal.\n");
        for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
            renderGoal(page, prefix, mojo);
        }
        return page.toString();
    }

    private static void renderGoal(StringBuilder page, String prefix, Element mojo) {
        page.append("\n## ").append(prefix).append(':').append(text(mojo, "goal"))
                .append("\n\n").append(oneLine(text(mojo, "description"))).append('\n');
        String phase = text(mojo, "phase");
        if (!phase.isEmpty()) {
            page.append("\nBound by default to the `").append(phase).append("` phase.\n");
        }
        Map<String, Element> configuration = new HashMap<>();
        for (Element value : children(child(mojo, "configuration"), null)) {
            configuration.put(value.getTagName(), value);
        }
        page.append("\n| Parameter | Type | Property | Default | Description |\n")
                .append("|---|---|---|---|---|\n");
        for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
            if (!Boolean.parseBoolean(text(parameter, "editable"))) {
                continue;
            }
            String name = text(parameter, "name");
            Element value = configuration.get(name);
            String expression = value == null ? "" : value.getTextContent().trim();
            String property = expression.startsWith("${") && expression.endsWith("}")
                    ? "`" + expression.substring(2, expression.length() - 1) + "`" : "";
            String defaultValue = value == null || !value.hasAttribute("default-value") ? ""
                    : "`" + value.getAttribute("default-value") + "`";
            page.append("| `").append(name).append("` | `")
                    .append(simpleType(text(parameter, "type"))).append("` | ")
                    .append(property).append(" | ").append(defaultValue).append(" | ")
                    .append(oneLine(text(parameter, "description")).replace("|", "\\|"))
                    .append(" |\n");
        }
    }

    private static String simpleType(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Returns the child elements of {@code parent} called {@code name}, or all when null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element
                    && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }
}
