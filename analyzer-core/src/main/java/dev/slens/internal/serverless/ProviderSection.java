package dev.slens.internal.serverless;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.MessageValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from the {@code provider:} section whether a service deploys to AWS. The framework
 * takes {@code provider: aws}, a text, as the provider's name, and {@code provider:} may be a
 * variable such as {@code ${file(./provider.yml)}}, so the name is known only once variables
 * are resolved.
 */
final class ProviderSection {

    private ProviderSection() {
    }

    /**
     * Returns the provider name as written, when it is a plain text without variables, else
     * {@code null}.
     */
    static String writtenName(MapNode root) {
        String name = nameNode(root.get("provider")) instanceof ScalarNode scalar
                && scalar.kind() == ScalarNode.Kind.STRING ? scalar.value() : null;
        return name == null || VariableSyntax.hasVariable(name) ? null : name;
    }

    /**
     * Reports a service for another cloud than AWS, or one whose provider cannot be known, and
     * returns {@code true} when the service must not be expanded. {@code root} is the file as
     * written or resolved.
     */
    static boolean rejects(MapNode root, ServerlessProblems problems) {
        MapNode.Entry section = root.entry("provider");
        if (section == null || ServiceModel.isNull(section.value())) {
            return false;
        }

        Node value = section.value();
        if (Nodes.UNRESOLVED.equals(value.intrinsicName())) {
            return unknown(problems, section.keySpan(), "Section 'provider' is known only at"
                    + " deployment");
        }
        if (!(value instanceof MapNode) && !isText(value)) {
            return unknown(problems, section.keySpan(), "Section 'provider' is "
                    + describe(value) + ", not a mapping such as 'name: aws'");
        }

        Node name = nameNode(value);
        MapNode.Entry nameEntry = value instanceof MapNode map ? map.entry("name") : section;
        if (name == null) {
            return false;
        }
        if (Nodes.UNRESOLVED.equals(name.intrinsicName())) {
            return unknown(problems, nameEntry.keySpan(), "The provider name is known only at"
                    + " deployment");
        }
        if (!isText(name)) {
            return unknown(problems, nameEntry.keySpan(), "The provider name is "
                    + describe(name) + ", not a text such as 'aws'");
        }
        if (name.text().equals("aws")) {
            return false;
        }

        problems.add(EngineChecks.SLS_OTHER_PROVIDER, nameEntry.keySpan(), "Provider '"
                + MessageValues.excerpt(name.text()) + "' is not AWS, so this service was not"
                + " analyzed; slens analyzes only services with 'provider.name: aws'.");
        return true;
    }

    /**
     * Returns {@code resolved} with {@code provider: aws}, the short form, replaced by the
     * mapping {@code provider: {name: aws}} that the expansion reads.
     */
    static MapNode withProviderMapping(MapNode resolved) {
        MapNode.Entry section = resolved.entry("provider");
        if (section == null || !isText(section.value())) {
            return resolved;
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : resolved.entries()) {
            entries.add(entry != section ? entry : new MapNode.Entry(entry.key(), entry.keySpan(),
                    Nodes.map(entry.value().span(), "name", entry.value())));
        }
        return new MapNode(entries, resolved.span());
    }

    private static Node nameNode(Node provider) {
        if (provider instanceof MapNode map && provider.intrinsicName() == null) {
            return map.get("name");
        }
        return provider;
    }

    private static boolean isText(Node node) {
        return node instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.STRING;
    }

    private static boolean unknown(ServerlessProblems problems, SourceSpan at, String reason) {
        problems.add(EngineChecks.PARSE_ERROR, at, reason + ", so slens cannot tell whether the"
                + " service deploys to AWS and did not analyze it. Write 'provider:' as a"
                + " mapping whose 'name' is 'aws', or resolve its variables from the file, the"
                + " stage, the region or the environment.");
        return true;
    }

    private static String describe(Node node) {
        if (node instanceof ListNode) {
            return "a list";
        }
        if (node instanceof MapNode) {
            return "a mapping";
        }
        return "the value '" + MessageValues.excerpt(node.text()) + "'";
    }
}
