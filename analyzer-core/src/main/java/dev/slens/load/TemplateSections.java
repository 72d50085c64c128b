package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The check for top-level template sections of the wrong kind, such as
 * {@code Parameters: [a, b]} or {@code Outputs: 5}. CloudFormation rejects such a template, and
 * slens would otherwise read the section as absent and give no finding.
 */
final class TemplateSections {

    /** Sections that map names to definitions, each definition a mapping. */
    private static final List<String> NAMED_DEFINITIONS = List.of("Parameters", "Outputs",
            "Rules");

    /** Sections that are a mapping whose values may be of any kind. */
    private static final List<String> MAPPINGS = List.of("Mappings", "Conditions", "Metadata");

    private TemplateSections() {
    }

    /** Returns a finding for each section of {@code root} that has the wrong kind of value. */
    static List<Finding> check(SourceFile file, MapNode root, TemplateFormat format) {
        List<Finding> findings = new ArrayList<>();
        for (String name : NAMED_DEFINITIONS) {
            MapNode section = mapping(file, root.entry(name), findings);
            if (section != null) {
                definitions(file, name, section, findings);
            }
        }
        for (String name : MAPPINGS) {
            mapping(file, root.entry(name), findings);
        }
        transform(file, root.entry("Transform"), findings);
        if (format == TemplateFormat.SAM) {
            MapNode globals = mapping(file, root.entry("Globals"), findings);
            if (globals != null) {
                definitions(file, "Globals", globals, findings);
            }
        }
        return findings;
    }

    /**
     * Returns the section's mapping, or null. A section that is present with a value other than
     * a mapping or empty gets a finding.
     */
    private static MapNode mapping(SourceFile file, MapNode.Entry section, List<Finding> findings) {
        if (section == null || section.value() instanceof MapNode || isEmpty(section.value())) {
            return section == null ? null : section.value().asMap();
        }
        String kind = TemplateAssembler.kind(section.value());
        findings.add(finding(file, section, "Section '" + section.key() + "' is " + kind
                + ", not a mapping, so it was not analyzed; CloudFormation rejects it too."
                + " Write it as a mapping of names to values."));
        return null;
    }

    /** Reports each entry of {@code section} whose definition is not a mapping. */
    private static void definitions(SourceFile file, String name, MapNode section,
            List<Finding> findings) {
        for (MapNode.Entry entry : section.entries()) {
            if (!(entry.value() instanceof MapNode)) {
                String kind = TemplateAssembler.kind(entry.value());
                findings.add(finding(file, entry, name + " entry '" + entry.key() + "' is "
                        + kind + ", not a mapping, so it was not analyzed; CloudFormation"
                        + " rejects it too. Write its settings as a mapping."));
            }
        }
    }

    /**
     * Reports a Transform that is neither a macro name nor a list of macro names and macro
     * mappings with a {@code Name}.
     */
    private static void transform(SourceFile file, MapNode.Entry transform,
            List<Finding> findings) {
        if (transform == null || isMacro(transform.value())) {
            return;
        }
        if (transform.value() instanceof ListNode list
                && list.items().stream().allMatch(TemplateSections::isMacro)) {
            return;
        }
        String kind = TemplateAssembler.kind(transform.value());
        findings.add(finding(file, transform, "Transform is " + kind
                + ", not a macro name or a list of macro names, so it was not analyzed;"
                + " CloudFormation rejects it too. Write a name such as"
                + " 'AWS::Serverless-2016-10-31'."));
    }

    private static boolean isMacro(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.kind() == ScalarNode.Kind.STRING;
        }
        return node instanceof MapNode map && map.get("Name") != null;
    }

    private static boolean isEmpty(Node value) {
        return value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.NULL;
    }

    private static Finding finding(SourceFile file, MapNode.Entry entry, String message) {
        return new Finding(EngineChecks.TEMPLATE_SHAPE.id(), EngineChecks.TEMPLATE_SHAPE.severity(),
                message, entry.keySpan().fileOr(file), entry.keySpan(), null, List.of());
    }
}
