package dev.slens.internal.suppress;

import dev.slens.internal.suppress.DeclaredSuppression.Form;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the suppressions from the {@code Metadata} of each resource and from the template's
 * top-level {@code Metadata}, in the tree as written, then checkov's comments, or for a
 * {@code serverless.yml} the {@code slens} keys of its functions and of {@code custom}. Entries
 * without an ID are skipped.
 */
final class SuppressionReader {

    private SuppressionReader() {
    }

    /**
     * Returns the suppressions of {@code template}, resources first. Resources that an
     * {@code Fn::ForEach} loop generates are read with the logical IDs the loop gives them.
     */
    static List<DeclaredSuppression> read(Template template) {
        List<DeclaredSuppression> declared = new ArrayList<>();
        MapNode root = template.root();
        MapNode resources = template.resourceDefinitions();
        if (resources != null) {
            for (MapNode.Entry entry : resources.entries()) {
                MapNode resource = entry.value().asMap();
                if (resource != null) {
                    readMetadata(resource.getMap("Metadata"), entry.key(), declared);
                }
            }
        }
        readMetadata(root.getMap("Metadata"), null, declared);
        if (template.format() == TemplateFormat.SERVERLESS_FRAMEWORK) {
            ServerlessSuppressions.read(template, declared);
        }
        CheckovComments.read(template, declared);
        return declared;
    }

    private static void readMetadata(MapNode metadata, String scope,
            List<DeclaredSuppression> out) {
        if (metadata == null) {
            return;
        }
        MapNode slens = metadata.getMap("slens");
        if (slens != null) {
            readIdsWithReasons(Form.SLENS, slens.get("ignore"), scope, out);
        }
        MapNode cfnLint = metadata.getMap("cfn-lint");
        MapNode cfnLintConfig = cfnLint == null ? null : cfnLint.getMap("config");
        if (cfnLintConfig != null) {
            readBareIds(cfnLintConfig.get("ignore_checks"), scope, out);
        }
        MapNode cfnNag = metadata.getMap("cfn_nag");
        if (cfnNag != null) {
            readIdsWithReasons(Form.CFN_NAG, cfnNag.get("rules_to_suppress"), scope, out);
        }
    }

    /**
     * Reads a list of {@code {id, reason}} maps; a bare ID in the list has no reason, and an
     * {@code id} given as a list suppresses each of its IDs with the same reason.
     */
    private static void readIdsWithReasons(Form form, Node list, String scope,
            List<DeclaredSuppression> out) {
        readIdsWithReasons(form, list, scope, null, out);
    }

    /** Reads a list as above; {@code location} names its place in messages, if not null. */
    static void readIdsWithReasons(Form form, Node list, String scope, String location,
            List<DeclaredSuppression> out) {
        for (Node item : items(list)) {
            MapNode map = item.asMap();
            String reason = map == null ? null : map.getText("reason");
            for (Node id : items(map == null ? item : map.get("id"))) {
                if (hasText(id.text())) {
                    out.add(new DeclaredSuppression(form, scope, id.text().strip(), reason,
                            id.span(), location));
                }
            }
        }
    }

    /** Reads cfn-lint's {@code ignore_checks}, a list of IDs or a single ID. */
    private static void readBareIds(Node list, String scope, List<DeclaredSuppression> out) {
        for (Node item : items(list)) {
            if (hasText(item.text())) {
                out.add(new DeclaredSuppression(Form.CFN_LINT, scope, item.text().strip(), null,
                        item.span()));
            }
        }
    }

    private static List<Node> items(Node node) {
        if (node == null) {
            return List.of();
        }
        ListNode list = node.asList();
        return list == null ? List.of(node) : list.items();
    }

    private static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
