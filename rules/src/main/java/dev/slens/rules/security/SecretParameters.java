package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The template parameters that secrets are passed through: whether a value is a {@code Ref} to
 * a parameter, and whether that parameter hides its value ({@code NoEcho}) and has no
 * {@code Default}, which would write the secret into the template.
 */
final class SecretParameters {

    private final RuleContext context;
    private final MapNode parameters;

    SecretParameters(RuleContext context) {
        this.context = context;
        MapNode section = context.template().section("Parameters");
        this.parameters = section == null ? new MapNode(List.of(), SourceSpan.NONE) : section;
    }

    /** Returns the name of the parameter {@code node} is a {@code Ref} to, or null. */
    String referencedParameter(Node node) {
        if (node == null || !"Ref".equals(node.intrinsicName())) {
            return null;
        }
        String name = node.asMap().get("Ref").text();
        return name != null && parameters.getMap(name) != null ? name : null;
    }

    /**
     * Returns a finding when a secret property takes its {@code value} from {@code parameter}
     * and that parameter is not {@code NoEcho}, or null. A {@code NoEcho} parameter with a
     * {@code Default} is reported once by {@link #defaultedSecrets()}.
     */
    Finding check(String parameter, Alternative value, String logicalId, String subject) {
        if (noEcho(parameters.getMap(parameter))) {
            return null;
        }
        return context.finding(Severity.WARNING, value.node().span(), logicalId, subject
                + value.qualifier() + " from parameter '" + parameter + "', which is not NoEcho,"
                + " so CloudFormation shows the secret in the console and in DescribeStacks"
                + " output; set NoEcho: true on the parameter, or use"
                + " '{{resolve:secretsmanager:...}}'.");
    }

    /** Returns a finding for each {@code NoEcho} parameter that has a {@code Default}. */
    List<Finding> defaultedSecrets() {
        List<Finding> findings = new ArrayList<>();
        for (MapNode.Entry entry : parameters.entries()) {
            MapNode parameter = entry.value().asMap();
            MapNode.Entry defaultValue = parameter == null ? null : parameter.entry("Default");
            if (noEcho(parameter) && defaultValue != null
                    && !"".equals(defaultValue.value().text())) {
                findings.add(context.finding(Severity.WARNING, defaultValue.keySpan(), null,
                        "Parameter '" + entry.key() + "' is NoEcho but has a Default, so the"
                                + " secret is written in the template for anyone who reads it;"
                                + " remove the Default and pass the value at deployment, or use"
                                + " '{{resolve:secretsmanager:...}}'."));
            }
        }
        return findings;
    }

    private static boolean noEcho(MapNode parameter) {
        Node noEcho = parameter == null ? null : parameter.get("NoEcho");
        return noEcho != null && "true".equalsIgnoreCase(noEcho.text());
    }
}
