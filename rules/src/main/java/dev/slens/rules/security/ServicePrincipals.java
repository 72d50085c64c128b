package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.PolicyDocument;
import dev.slens.index.PolicyStatement;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the service principals a role's trust policy lets assume it. */
final class ServicePrincipals {

    /** A Region inside a service principal, as in {@code states.us-east-1.amazonaws.com}. */
    private static final Pattern REGION = Pattern.compile("\\.(\\{\\{aws::region}}"
            + "|[a-z]{2}(-gov)?-[a-z]+-\\d)(?=\\.)");

    private ServicePrincipals() {
    }

    /**
     * Returns {@code principal} lower-cased, with {@code ${AWS::URLSuffix}} read as
     * {@code amazonaws.com} and a Region part removed, so regional forms compare equal to the
     * global one.
     */
    static String normalize(String principal) {
        String text = principal.replace("{{AWS::URLSuffix}}", "amazonaws.com")
                .toLowerCase(Locale.ROOT);
        return REGION.matcher(text).replaceFirst("");
    }

    /**
     * Returns the lower-cased service principals, such as {@code states.amazonaws.com}, that an
     * Allow statement of the role's {@code AssumeRolePolicyDocument} names. A principal written
     * with {@code ${AWS::URLSuffix}} or a Region is normalized as {@link #normalize} does.
     */
    static Set<String> trusted(RuleContext context, Resource role) {
        Set<String> services = new LinkedHashSet<>();
        Node trust = role.property("AssumeRolePolicyDocument");
        if (trust == null) {
            return services;
        }
        for (PolicyStatement statement : new PolicyDocument(trust, role)
                .statements(context.evaluator())) {
            for (PolicyStatement allowed : statement.allowing(context.evaluator())) {
                MapNode principal = allowed.node().getMap("Principal");
                if (principal != null && principal.get("Service") != null) {
                    for (Alternative service : context.evaluator()
                            .elements(principal.get("Service"))) {
                        String text = service.value() instanceof Value.Text written
                                ? written.text() : null;
                        if (text != null) {
                            services.add(normalize(text));
                        }
                    }
                }
            }
        }
        return services;
    }
}
