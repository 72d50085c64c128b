package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code AWS::Logs::LogGroup} resources a function writes to. A function whose
 * {@code LoggingConfig.LogGroup} is set writes to that group. Any other function writes to
 * {@code /aws/lambda/<function name>}. Names are compared as evaluated text, so a {@code Ref},
 * {@code Fn::Sub} or {@code Fn::Join} that renders the same name or placeholder matches.
 */
final class LogGroupResolver {

    private static final String LAMBDA_LOG_PREFIX = "/aws/lambda/";

    private final Template template;
    private final Evaluator evaluator;

    LogGroupResolver(Template template, Evaluator evaluator) {
        this.template = template;
        this.evaluator = evaluator;
    }

    List<Resource> resolve(Resource function) {
        List<Node> configured = configuredLogGroups(function);
        Set<String> names = new LinkedHashSet<>();
        if (configured.isEmpty()) {
            names.add(LAMBDA_LOG_PREFIX + "{{ref:" + function.logicalId() + "}}");
            for (String functionName : texts(function.property("FunctionName"))) {
                names.add(LAMBDA_LOG_PREFIX + functionName);
            }
        } else {
            configured.forEach(node -> names.addAll(texts(node)));
        }

        List<Resource> groups = new ArrayList<>();
        for (Resource group : template.resourcesOfType("AWS::Logs::LogGroup")) {
            boolean referenced = names.contains("{{ref:" + group.logicalId() + "}}");
            boolean named = texts(group.property("LogGroupName")).stream()
                    .anyMatch(names::contains);
            if (referenced || named) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Returns the {@code LoggingConfig.LogGroup} nodes of every branch of the function. */
    List<Node> configuredLogGroups(Resource function) {
        Node loggingConfig = function.property("LoggingConfig");
        List<Node> groups = new ArrayList<>();
        if (loggingConfig == null) {
            return groups;
        }
        for (Alternative alternative : evaluator.alternatives(loggingConfig)) {
            MapNode map = alternative.value() instanceof Value.Structure structure
                    ? structure.node().asMap() : null;
            if (map != null && map.get("LogGroup") != null) {
                groups.add(map.get("LogGroup"));
            }
        }
        return groups;
    }

    /** Returns every text {@code node} may take, exact or with placeholders. */
    private Set<String> texts(Node node) {
        Set<String> texts = new LinkedHashSet<>();
        if (node != null) {
            for (Alternative alternative : evaluator.alternatives(node)) {
                if (alternative.value() instanceof Value.Text text) {
                    texts.add(text.text());
                }
            }
        }
        return texts;
    }
}
