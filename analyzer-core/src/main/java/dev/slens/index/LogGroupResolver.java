package dev.slens.index;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@code AWS::Logs::LogGroup} resources a function writes to. A function whose
 * {@code LoggingConfig.LogGroup} is set writes to that group. Any other function writes to
 * {@code /aws/lambda/<function name>}. Names are compared as evaluated text, so a {@code Ref},
 * {@code Fn::Sub} or {@code Fn::Join} that renders the same name or placeholder matches.
 *
 * <p>Each group's names are evaluated once per template into a map, so matching all functions
 * takes time linear in the number of functions and groups.
 */
final class LogGroupResolver {

    private static final String LAMBDA_LOG_PREFIX = "/aws/lambda/";

    private final Template template;
    private final Evaluator evaluator;
    /** Groups by each name text and {@code {{ref:<id>}}} they match, built on first use. */
    private Map<String, List<Resource>> groupsByName;
    /** The position of every group in the file, to return matches in file order. */
    private Map<Resource, Integer> filePositions;

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

        Set<Resource> groups = new LinkedHashSet<>();
        Map<String, List<Resource>> byName = groupsByName();
        for (String name : names) {
            groups.addAll(byName.getOrDefault(name, List.of()));
        }
        List<Resource> ordered = new ArrayList<>(groups);
        ordered.sort(Comparator.comparing(filePositions::get));
        return ordered;
    }

    private Map<String, List<Resource>> groupsByName() {
        if (groupsByName == null) {
            groupsByName = new HashMap<>();
            filePositions = new HashMap<>();
            for (Resource group : template.resourcesOfType("AWS::Logs::LogGroup")) {
                filePositions.put(group, filePositions.size());
                Set<String> keys = texts(group.property("LogGroupName"));
                keys.add("{{ref:" + group.logicalId() + "}}");
                for (String key : keys) {
                    groupsByName.computeIfAbsent(key, k -> new ArrayList<>()).add(group);
                }
            }
        }
        return groupsByName;
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
